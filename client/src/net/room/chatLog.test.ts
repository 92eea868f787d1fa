import { describe, expect, it } from 'vitest';
import { ChatLog, type ChatEntry } from './chatLog';

const line = (id: string, at: number, text = `text ${id}`): ChatEntry => ({
  id,
  kind: 'user',
  userId: 'u1',
  name: 'Aiko',
  text,
  at,
});

describe('ChatLog', () => {
  it('shows an instant chat message once, even when state brings the same line a patch later', () => {
    const log = new ChatLog();
    expect(log.add(line('a', 100))).toBe(true);
    expect(log.sync([line('a', 100)])).toBe(false);
    expect(log.lines().map((l) => l.id)).toEqual(['a']);
  });

  it('orders lines by server time whichever source delivered them first', () => {
    const log = new ChatLog();
    log.add(line('late', 300));
    log.sync([line('early', 100), line('middle', 200)]);
    expect(log.lines().map((l) => l.id)).toEqual(['early', 'middle', 'late']);
  });

  it('keeps lines that scrolled out of the bounded state list', () => {
    const log = new ChatLog();
    log.sync([line('a', 1), line('b', 2)]);
    log.sync([line('b', 2), line('c', 3)]);
    expect(log.lines().map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });

  it('drops the oldest lines beyond its limit', () => {
    const log = new ChatLog(3);
    log.sync([line('a', 1), line('b', 2), line('c', 3), line('d', 4)]);
    expect(log.lines().map((l) => l.id)).toEqual(['b', 'c', 'd']);
  });

  it('takes the newer text when the same id changes (edited or moderated line)', () => {
    const log = new ChatLog();
    log.add(line('a', 1, 'first'));
    expect(log.sync([line('a', 1, '[removed]')])).toBe(true);
    expect(log.lines()[0].text).toBe('[removed]');
  });
});
