import type { Alarm, Alarms, AlarmSchedule } from '../../../../src/platform/platform.ts';
import { FakeEvent } from './events.ts';

const MINUTE_MS = 60_000;

/**
 * Alarms that are kept, replaced, cleared and fired on demand: the test decides when time
 * passes (`fire`, or `fireDue` at a moment of its choosing). A periodic alarm is scheduled again
 * one period later each time it fires; a one-off alarm is gone once fired.
 */
export class FakeAlarms implements Alarms {
  readonly onAlarm = new FakeEvent<(alarm: Alarm) => void>();
  private readonly alarms = new Map<string, Alarm>();

  constructor(private readonly now: () => number) {}

  async create(name: string, schedule: AlarmSchedule): Promise<void> {
    const { when, delayInMinutes, periodInMinutes } = schedule;
    if (when === undefined && delayInMinutes === undefined && periodInMinutes === undefined) {
      throw new Error('alarms.create needs when, delayInMinutes or periodInMinutes');
    }
    // Without `when` or a delay, the first alarm comes one period from now.
    const scheduledTime = when ?? this.now() + (delayInMinutes ?? periodInMinutes ?? 0) * MINUTE_MS;
    const alarm: Alarm = { name, scheduledTime };
    if (periodInMinutes !== undefined) alarm.periodInMinutes = periodInMinutes;
    this.alarms.set(name, alarm);
  }

  async get(name: string): Promise<Alarm | undefined> {
    const alarm = this.alarms.get(name);
    return alarm && { ...alarm };
  }

  async clear(name: string): Promise<boolean> {
    return this.alarms.delete(name);
  }

  /** Every alarm set now, soonest first. */
  scheduled(): Alarm[] {
    return [...this.alarms.values()]
      .map((alarm) => ({ ...alarm }))
      .sort((a, b) => a.scheduledTime - b.scheduledTime);
  }

  /** Fires the named alarm now, as if its time had come; throws when no such alarm is set. */
  fire(name: string): void {
    const alarm = this.alarms.get(name);
    if (!alarm) throw new Error(`no alarm named ${name} is set`);
    const fired = { ...alarm };
    if (alarm.periodInMinutes === undefined) this.alarms.delete(name);
    else alarm.scheduledTime += alarm.periodInMinutes * MINUTE_MS;
    this.onAlarm.dispatch(fired);
  }

  /**
   * Fires every alarm whose time has come by `time` (each once, however many periods passed,
   * as browsers do after a sleep), soonest first; returns their names.
   */
  fireDue(time: number = this.now()): string[] {
    const due = this.scheduled().filter((alarm) => alarm.scheduledTime <= time);
    for (const alarm of due) {
      this.fire(alarm.name);
      const next = this.alarms.get(alarm.name);
      if (next?.periodInMinutes !== undefined && next.scheduledTime <= time) {
        const period = next.periodInMinutes * MINUTE_MS;
        next.scheduledTime += (Math.floor((time - next.scheduledTime) / period) + 1) * period;
      }
    }
    return due.map((alarm) => alarm.name);
  }
}
