// Development only: reload the page when the site is rebuilt. Served from 'self' (the CSP stays
// strict) and never part of a production page.
const events = new EventSource('/__lectern/events');
events.addEventListener('reload', () => window.location.reload());
