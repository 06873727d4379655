import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createServices, localConfig } from './app/create-services';

// The embedded local default: the SharePoint site emulated on this origin. Configuration for a
// real tenant (site URL, Entra app) comes with the Teams and tenant work.
const services = createServices(localConfig(window.location.origin));

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
