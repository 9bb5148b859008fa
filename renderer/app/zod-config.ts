/** The CSP forbids eval: zod must not probe for it (no JIT parsers in the renderer). Imported first by main.tsx. */
import { z } from 'zod';

z.config({ jitless: true });
