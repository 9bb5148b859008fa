/** Renderer entry: i18n, styles, the Api (window.api or the browser-mode socket), the softphone wiring and the app. */
import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import './app/phone-slot.css';
import { createApi } from './api/create-api';
import { App } from './app/App';
import { createSoftphoneWiring } from './app/softphone-wiring';

const root = document.getElementById('root');
if (root) {
  const api = createApi();
  // `?softphoneTest` puts the live service on window for end-to-end tests (call stats, no UI hooks)
  const phone = createSoftphoneWiring(api, { exposeForTests: new URLSearchParams(window.location.search).has('softphoneTest') });
  createRoot(root).render(
    <StrictMode>
      <App api={api} phone={{ ...phone.actions, softphone: phone }} />
    </StrictMode>,
  );
}
