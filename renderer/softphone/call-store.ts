/**
 * Plain softphone state for React (docs/architecture.md: SIP.js objects live in the service, stores hold
 * plain data). Written only by `SoftphoneService` through `setState`; components read it.
 */
import { create } from 'zustand';
import type { CallOutcome } from '../../shared/domain/schemas';
import type { CallQuality } from '../../shared/api/live';

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';
export type CallPhase = 'idle' | 'dialing' | 'ringing' | 'incoming' | 'established' | 'held' | 'ended';

/** A message the operator must see (i18n key under `softphone.notice.*` + values). */
export interface SoftphoneNotice { key: string; values?: Record<string, string | number> }

export interface CallSnapshot {
  phase: CallPhase;
  callId: string | null;
  direction: 'outbound' | 'inbound' | null;
  /** E.164 (or the raw SIP user when it is not a phone number). */
  remoteNumber: string | null;
  orderId: number | null;
  /** epoch ms when the call was answered (the timer counts from here) */
  timerStartedAt: number | null;
  muted: boolean;
  /** true only when the negotiated SDP direction says our side is on hold */
  held: boolean;
  /** a hold/resume re-INVITE is in flight */
  holdPending: boolean;
  quality: CallQuality | null;
  lastOutcome: CallOutcome | null;
}

export interface SoftphoneDevices {
  inputs: { deviceId: string; label: string }[];
  outputs: { deviceId: string; label: string }[];
  inputId: string | null;
  outputId: string | null;
  ringId: string | null;
}

export interface CallStoreState {
  registration: RegistrationState;
  /** why registration failed / is being retried (`softphone.reason.*` key suffix) */
  registrationReason: string | null;
  reconnectAttempt: number;
  call: CallSnapshot;
  devices: SoftphoneDevices;
  notice: SoftphoneNotice | null;
}

/** The idle call snapshot. */
export const idleCall = (): CallSnapshot => ({
  phase: 'idle', callId: null, direction: null, remoteNumber: null, orderId: null, timerStartedAt: null,
  muted: false, held: false, holdPending: false, quality: null, lastOutcome: null,
});

/** The initial store state (also used to reset between tests). */
export const initialCallStoreState = (): CallStoreState => ({
  registration: 'unregistered',
  registrationReason: null,
  reconnectAttempt: 0,
  call: idleCall(),
  devices: { inputs: [], outputs: [], inputId: null, outputId: null, ringId: null },
  notice: null,
});

/** The softphone store; the service writes it, components subscribe to it. */
export const useCallStore = create<CallStoreState>()(() => initialCallStoreState());

export type CallStore = typeof useCallStore;
