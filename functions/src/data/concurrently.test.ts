import { forEachConcurrently } from './concurrently';

describe('forEachConcurrently', () => {
  it('does every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      done.push(n);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('stops taking new items after a failure and rejects with it once the running ones are over', async () => {
    const started: number[] = [];
    let running = 0;
    const outcome = forEachConcurrently([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      running += 1;
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      if (n === 2) throw new Error('two');
    });
    await expect(outcome).rejects.toThrow('two');
    expect(running).toBe(0);
    expect(started.length).toBeLessThan(6);
  });
});
