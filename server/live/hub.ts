import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app-deps';
import type { AuthedUser } from '../auth/session';
import type { BoardAgent, ServerMessage } from '../../shared/api/live';
import type { BusEvent } from './bus';
import { loadBoardAgents, queueSizes, toWire } from '../board/board-data';
import { readCenterContext, readCenterSettings } from '../admin/settings';
import type { CenterSettings } from '../../shared/api/lead';
import { dueCallbacks } from './reminders';

/** Group key of admins' connections, which watch every team. */
const ALL_TEAMS = -1;
/** Group key of a lead without a team (watches nobody). */
const NO_TEAM = -2;

/** One authenticated live connection. */
export type LiveConn = { ws: WebSocket; user: AuthedUser };

/**
 * The live connections of this server instance and the fan-out from the bus to them: operators
 * get pokes, messages and due-callback reminders; leads get every operator's change of their team
 * (admins: all teams) and board snapshots. Every instance subscribes to the bus, so a change
 * published on instance A reaches sockets on instance B.
 */
export class LiveHub {
  private readonly conns = new Set<LiveConn>();
  private readonly unsubscribe: () => void;
  private reminderTimer: NodeJS.Timeout | null = null;
  private boardTimer: NodeJS.Timeout | null = null;
  private boardDirty = false;
  private readonly dirtyAgents = new Set<number>();
  private agentFlush: Promise<void> | null = null;
  private settingsCache: { at: number; value: Promise<CenterSettings> } | null = null;

  constructor(private readonly deps: AppDeps, private readonly log: FastifyBaseLogger, private readonly reminderEveryMs = 10_000) {
    this.unsubscribe = deps.bus.subscribe((e) => {
      this.onBus(e).catch((err: unknown) => this.log.warn({ err }, 'live fan-out failed'));
    });
  }

  /** Registers an authenticated connection (and starts the reminder timer with the first operator). */
  add(conn: LiveConn): void {
    this.conns.add(conn);
    if (conn.user.role === 'operator' && !this.reminderTimer) {
      this.reminderTimer = setInterval(() => { void this.checkReminders(); }, this.reminderEveryMs);
      this.reminderTimer.unref();
    }
  }

  /** Removes a connection; true when the user has no other connection on this instance. */
  remove(conn: LiveConn): boolean {
    this.conns.delete(conn);
    for (const c of this.conns) if (c.user.id === conn.user.id) return false;
    return true;
  }

  /** Sends a message to one socket if it is open. */
  send(ws: WebSocket, msg: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  }

  /** Center settings, re-read at most once a second (admins change them rarely). */
  private settings(): Promise<CenterSettings> {
    const t = Date.now();
    if (!this.settingsCache || t - this.settingsCache.at > 1000) {
      const value = readCenterSettings(this.deps.db, this.deps.config);
      value.catch(() => { this.settingsCache = null; });
      this.settingsCache = { at: t, value };
    }
    return this.settingsCache.value;
  }

  /** The board snapshot for a lead/admin connection. */
  async boardFor(user: AuthedUser): Promise<ServerMessage> {
    const settings = await this.settings();
    const now = this.deps.now();
    const teamId = user.role === 'admin' ? null : user.teamId ?? -1;
    const agents = await loadBoardAgents(this.deps.db, { teamId }, now, settings.timeZone);
    return { type: 'board', agents: agents.map(toWire), queue: await queueSizes(this.deps.db, now, settings.timeZone) };
  }

  private watchers(): LiveConn[] {
    return [...this.conns].filter((c) => c.user.role === 'lead' || c.user.role === 'admin');
  }

  private async onBus(e: BusEvent): Promise<void> {
    switch (e.kind) {
      case 'poke':
        for (const c of this.conns) if (e.userIds.includes(c.user.id)) this.send(c.ws, { type: 'poke' });
        return;
      case 'message':
        for (const c of this.conns) if (c.user.id === e.toUserId) this.send(c.ws, { type: 'message', from: e.from, text: e.text, at: e.at });
        return;
      case 'planChanged':
        for (const c of this.conns) if (e.userIds.includes(c.user.id)) this.send(c.ws, { type: 'plan.changed', day: e.day });
        return;
      case 'agentState':
      case 'quality':
        await this.pushAgent(e.userId);
        return;
      case 'activity':
        if (e.userId !== null) await this.pushAgent(e.userId);
        this.scheduleBoards();
        return;
      case 'centerChanged': {
        this.settingsCache = null;
        const center = await readCenterContext(this.deps.db, this.deps.config);
        for (const c of this.conns) this.send(c.ws, { type: 'center.changed', center });
        return;
      }
      default:
        return;
    }
  }

  /**
   * Sends operators' fresh board rows to the leads of their team and to admins. Changes are
   * coalesced: those of one bus batch, and those arriving while a load is running, go into one
   * load (one query for many operators) and reach each watcher as one message (`agent` for one
   * row, `agents` for several). An idle hub loads at once, so a lone change is not delayed.
   */
  private async pushAgent(userId: number): Promise<void> {
    if (this.watchers().length === 0) return;
    this.dirtyAgents.add(userId);
    await Promise.resolve(); // the rest of this bus batch marks its operators first
    while (this.agentFlush) await this.agentFlush;
    if (this.dirtyAgents.size === 0) return;
    const ids = [...this.dirtyAgents];
    this.dirtyAgents.clear();
    this.agentFlush = this.flushAgents(ids).finally(() => { this.agentFlush = null; });
    await this.agentFlush;
  }

  private async flushAgents(userIds: number[]): Promise<void> {
    const settings = await this.settings();
    const rows = (await loadBoardAgents(this.deps.db, { teamId: null, userIds }, this.deps.now(), settings.timeZone)).map((r) => ({ teamId: r.teamId, agent: toWire(r) }));
    for (const [team, conns] of this.watchersByTeam()) {
      const agents = rows.flatMap((r) => (team === ALL_TEAMS || r.teamId === team ? [r.agent] : []));
      if (agents.length === 0) continue;
      const msg: ServerMessage = agents.length === 1 ? { type: 'agent', agent: agents[0] as BoardAgent } : { type: 'agents', agents };
      const text = JSON.stringify(msg);
      for (const c of conns) if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
    }
  }

  /** Lead and admin connections grouped by the team they watch (ALL_TEAMS for admins). */
  private watchersByTeam(): Map<number, LiveConn[]> {
    const groups = new Map<number, LiveConn[]>();
    for (const c of this.watchers()) {
      const team = c.user.role === 'admin' ? ALL_TEAMS : c.user.teamId ?? NO_TEAM;
      groups.set(team, [...(groups.get(team) ?? []), c]);
    }
    return groups;
  }

  /** Queue sizes and counters changed: refresh the boards at most once a second (one load per watched team). */
  private scheduleBoards(): void {
    this.boardDirty = true;
    if (this.boardTimer) return;
    this.boardTimer = setTimeout(() => {
      this.boardTimer = null;
      if (!this.boardDirty) return;
      this.boardDirty = false;
      void Promise.all([...this.watchersByTeam().values()].map(async (conns) => {
        const text = JSON.stringify(await this.boardFor((conns[0] as LiveConn).user));
        for (const c of conns) if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
      })).catch((err: unknown) => this.log.warn({ err }, 'board refresh failed'));
    }, 1000);
    this.boardTimer.unref();
  }

  /** Sends reminders of due callbacks to the operators connected here (once per order and callbackAt). */
  async checkReminders(): Promise<void> {
    const operators = [...new Set([...this.conns].filter((c) => c.user.role === 'operator').map((c) => c.user.id))];
    if (operators.length === 0) return;
    try {
      const due = await dueCallbacks(this.deps.db, operators, this.deps.now());
      for (const d of due) {
        for (const c of this.conns) {
          if (c.user.id === d.userId) this.send(c.ws, { type: 'reminder', orderId: d.orderId, callbackAt: d.callbackAt, customerName: d.customerName });
        }
      }
    } catch (err) {
      this.log.warn({ err }, 'reminder check failed');
    }
  }

  /** Stops timers and the bus subscription; closes the sockets. */
  close(): void {
    this.unsubscribe();
    if (this.reminderTimer) clearInterval(this.reminderTimer);
    if (this.boardTimer) clearTimeout(this.boardTimer);
    for (const c of this.conns) c.ws.close(1001, 'server shutting down');
    this.conns.clear();
  }
}
