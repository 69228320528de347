// Reference server for the create benchmark: Fastify parsing a JSON body and answering 201, nothing else.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/api/v1/incidents', async (request, reply) => reply.code(201).send({ ok: true, body: request.body }));
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
