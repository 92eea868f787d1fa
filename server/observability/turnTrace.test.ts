import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, guestWithRoom, joinVia } from '../../test-support/clusterClient';
import { startFakeOtlp, type FakeOtlp } from '../../test-support/fakeOtlp';
import { postgresUrl, serviceAvailable } from '../../test-support/services';
import { startTestCluster, type TestCluster } from '../../test-support/testCluster';

/** A turn through a server and a standalone worker, seen by the operator: traces, histograms, the log line. */
describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))('operations view of a turn', () => {
  let otlp: FakeOtlp;
  let cluster: TestCluster;
  const portOf = (name: string) => cluster.running.processes.find((p) => p.spec.name === name)!.spec.port;
  beforeAll(async () => {
    otlp = await startFakeOtlp();
    cluster = await startTestCluster({
      servers: 1,
      workers: 1,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' },
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await otlp?.close();
  });

  it('exports one trace from say to utterance broadcast across both processes, with stage histograms and one log line', async () => {
    const r = await guestWithRoom(cluster.url, 'Aiko');
    const host = await joinVia(cluster.url, r.roomId, { token: r.token });
    host.room.send('say', { text: 'Hello! How are you today?' });
    await eventually(() => host.room.state.chat.some((l) => l.kind === 'character'), 'the reply', 60_000);
    const turnId = host.received.find((m) => m.type === 'utterance')!.payload.turnId as string;

    const names = [
      'turn',
      'turn.waiting',
      'turn.run',
      'turn.queue',
      'llm.first_token',
      'turn.first_sentence',
      'voice.synthesize',
      'utterance.broadcast',
    ];
    await eventually(
      () =>
        names.every((n) => otlp.spans.some((s) => s.name === n)) &&
        otlp.spans.some((s) => s.name === 'turn' && s.endMs > 0),
      'every stage exported',
      30_000,
    );
    const root = otlp.spans.find((s) => s.name === 'turn' && s.attributes['kotodama.turn_id'] === turnId)!;
    expect(root.resource['kotodama.role']).toBe('server');
    const inTrace = otlp.spans.filter((s) => s.traceId === root.traceId);
    const run = inTrace.find((s) => s.name === 'turn.run')!;
    expect(run.resource['kotodama.role']).toBe('worker');
    expect(run.parentSpanId).toBe(root.spanId);
    for (const n of ['turn.queue', 'llm.first_token', 'turn.first_sentence', 'voice.synthesize'])
      expect(inTrace.find((s) => s.name === n)?.parentSpanId, n).toBe(run.spanId);
    const utterances = host.received.filter((m) => m.type === 'utterance').length;
    expect(inTrace.filter((s) => s.name === 'utterance.broadcast')).toHaveLength(utterances);
    expect(inTrace.filter((s) => s.name === 'voice.synthesize')).toHaveLength(utterances);
    const firstToken = inTrace.find((s) => s.name === 'llm.first_token')!;
    expect(firstToken.startMs).toBeGreaterThanOrEqual(run.startMs);
    expect(root.endMs).toBeGreaterThanOrEqual(Math.max(...inTrace.map((s) => s.endMs)) - 1);

    const serverMetrics = await (await fetch(`http://127.0.0.1:${portOf('server-1')}/metrics`)).text();
    for (const stage of ['first_subtitle', 'first_utterance', 'done'])
      expect(serverMetrics).toMatch(
        new RegExp(`kotodama_turn_reply_seconds_count\\{stage="${stage}"\\} 1\\b`),
      );
    const workerMetrics = await (await fetch(`http://127.0.0.1:${portOf('worker-1')}/metrics`)).text();
    expect(workerMetrics).toMatch(new RegExp(`kotodama_turn_voice_seconds_count ${utterances}\\b`));
    for (const h of ['queue_wait', 'llm_first_token', 'first_sentence', 'first_utterance'])
      expect(workerMetrics).toMatch(new RegExp(`kotodama_turn_${h}_seconds_count 1\\b`));

    const lines = (await cluster.log('worker-1'))
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .filter((l) => l.turnId === turnId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'turn finished',
      roomId: r.roomId,
      turnId,
      traceId: root.traceId,
      attempt: 1,
      outcome: 'ok',
    });
    expect(lines[0].messageIds).toHaveLength(1);
    await host.room.leave();
  });
});
