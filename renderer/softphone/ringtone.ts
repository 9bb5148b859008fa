/**
 * A generated ringtone (Russian ring cadence: 425 Hz, 1 s on, 4 s off) as a WAV data URL, so no
 * audio file has to ship or load over the network.
 */

/** Builds the ringtone as a `data:audio/wav;base64,…` URL (8 kHz, 16-bit mono, 5 s loop). */
export function createRingtoneUrl(): string {
  const rate = 8000;
  const seconds = 5;
  const samples = rate * seconds;
  const buf = new ArrayBuffer(44 + samples * 2);
  const v = new DataView(buf);
  const text = (at: number, s: string) => { for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i)); };
  text(0, 'RIFF'); v.setUint32(4, 36 + samples * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
  v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true);
  text(36, 'data'); v.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const on = i < rate;
    const s = on ? Math.sin((2 * Math.PI * 425 * i) / rate) * 0.3 : 0;
    v.setInt16(44 + i * 2, Math.round(s * 32767), true);
  }
  let bin = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(bin)}`;
}
