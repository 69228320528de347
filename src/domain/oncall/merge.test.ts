import { describe, expect, it } from 'vitest';
import { onCallDuring } from './queries.js';
import type { ExplicitLayer, Override, RotationLayer, Schedule } from './types.js';

// UTC keeps these precedence tables readable; DST is covered in layer-shifts and restrictions.
const DAY = '2025-06-02';
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00Z`;
const rota = (id: string, participants: string[], over: Partial<RotationLayer> = {}): RotationLayer => ({
  id,
  name: id,
  participants,
  rotation: { unit: 'days', length: 1 },
  handoffTime: '09:00',
  startDate: '2025-06-01',
  ...over,
});
const override = (id: string, userId: string, from: string, to: string): Override => ({ id, userId, start: at(from), end: at(to) });

function render(schedule: Omit<Schedule, 'id' | 'timeZone'>, from = '00:00', to = '23:59'): string[] {
  return onCallDuring({ id: 's', timeZone: 'UTC', ...schedule }, at(from), at(to)).map((s) => {
    const source = 'layerId' in s.source ? s.source.layerId : `override ${s.source.overrideId}`;
    return `${s.start.slice(11, 16)}-${s.end.slice(11, 16)} ${s.userId} (${source})`;
  });
}

describe('final schedule: layers merged by precedence, overrides on top', () => {
  it.each<[string, Omit<Schedule, 'id' | 'timeZone'>, string[]]>([
    ['a later layer wins wherever it has someone', { layers: [rota('base', ['ann', 'bob']), rota('top', ['cat', 'dan'], { handoffTime: '12:00' })] }, [
      '00:00-12:00 cat (top)',
      '12:00-23:59 dan (top)',
    ]],
    ['the lower layer shows through outside the upper layer\'s restriction', {
      layers: [rota('nights', ['ann']), rota('office', ['cat'], { restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })],
    }, [
      '00:00-09:00 ann (nights)',
      '09:00-17:00 cat (office)',
      '17:00-23:59 ann (nights)',
    ]],
    ['an override splits the layer shift around it', { layers: [rota('base', ['ann'])], overrides: [override('o1', 'eve', '10:00', '11:30')] }, [
      '00:00-10:00 ann (base)',
      '10:00-11:30 eve (override o1)',
      '11:30-23:59 ann (base)',
    ]],
    ['an override beats every layer, the top one included', {
      layers: [rota('base', ['ann']), rota('top', ['cat'])],
      overrides: [override('o1', 'eve', '08:00', '10:00')],
    }, [
      '00:00-08:00 cat (top)',
      '08:00-10:00 eve (override o1)',
      '10:00-23:59 cat (top)',
    ]],
    ['a later override wins where two overlap', {
      layers: [rota('base', ['ann'])],
      overrides: [override('o1', 'eve', '08:00', '12:00'), override('o2', 'fay', '10:00', '11:00')],
    }, [
      '00:00-08:00 ann (base)',
      '08:00-10:00 eve (override o1)',
      '10:00-11:00 fay (override o2)',
      '11:00-12:00 eve (override o1)',
      '12:00-23:59 ann (base)',
    ]],
    ['an override for the person already on call stays its own shift (one source each)', {
      layers: [rota('base', ['ann'])],
      overrides: [override('o1', 'ann', '10:00', '11:00')],
    }, [
      '00:00-10:00 ann (base)',
      '10:00-11:00 ann (override o1)',
      '11:00-23:59 ann (base)',
    ]],
    ['consecutive turns of one person in one layer are joined', { layers: [rota('base', ['ann', 'ann', 'bob'], { startDate: '2025-06-01' })] }, ['00:00-23:59 ann (base)']],
    ['back-to-back overrides for one person stay apart (separate overrides)', {
      layers: [rota('base', ['ann'])],
      overrides: [override('o1', 'eve', '10:00', '11:00'), override('o2', 'eve', '11:00', '12:00')],
    }, [
      '00:00-10:00 ann (base)',
      '10:00-11:00 eve (override o1)',
      '11:00-12:00 eve (override o2)',
      '12:00-23:59 ann (base)',
    ]],
    ['an override reaching outside the window is clipped; one outside is ignored', {
      layers: [rota('base', ['ann'])],
      overrides: [{ id: 'o1', userId: 'eve', start: '2025-06-01T20:00:00Z', end: at('03:00') }, { id: 'o2', userId: 'fay', start: '2025-06-03T01:00:00Z', end: '2025-06-03T02:00:00Z' }],
    }, [
      '00:00-03:00 eve (override o1)',
      '03:00-23:59 ann (base)',
    ]],
    ['an upper layer that has not started yet leaves the lower one in charge', {
      layers: [rota('base', ['ann']), rota('new', ['cat'], { startDate: DAY, handoffTime: '15:00' })],
    }, [
      '00:00-15:00 ann (base)',
      '15:00-23:59 cat (new)',
    ]],
    ['an upper layer that has ended hands back to the lower one', {
      layers: [rota('base', ['ann']), rota('old', ['cat'], { end: at('06:00') })],
    }, [
      '00:00-06:00 cat (old)',
      '06:00-23:59 ann (base)',
    ]],
    ['in a layer of explicit shifts the later-listed shift wins an overlap', {
      layers: [{
        kind: 'explicit', id: 'sheet', name: 'Sheet', shifts: [
          { userId: 'ann', start: at('00:00'), end: at('12:00') },
          { userId: 'bob', start: at('06:00'), end: at('08:00') },
          { userId: 'cat', start: at('12:00'), end: '2025-06-03T00:00:00Z' },
        ],
      } satisfies ExplicitLayer],
    }, [
      '00:00-06:00 ann (sheet)',
      '06:00-08:00 bob (sheet)',
      '08:00-12:00 ann (sheet)',
      '12:00-23:59 cat (sheet)',
    ]],
  ])('%s', (_case, schedule, expected) => {
    expect(render(schedule)).toEqual(expected);
  });
});
