import { defineCommand } from '../command.js';

export const serve = defineCommand({
  name: 'serve',
  summary: 'Run the web app, the API and Slack on HOST:PORT (default 127.0.0.1:3000)',
  options: {},
  json: false,
  notes: ['Environment: DATABASE_URL, HOST, PORT, HIKESHI_CONFIG, SLACK_* (see the README).'],
  async run() {
    // Loaded only here: the HTTP server and Slack would add most of a second to every other command.
    const { serve: startServing } = await import('../serve.js');
    return startServing();
  },
});
