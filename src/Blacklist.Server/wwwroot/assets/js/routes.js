// The dashboard's pages. Paths must match DashboardEndpoints.PageRoutes on the server, which
// answers each of them with index.html so reloads and shared links work.
export const ROUTES = [
  { path: '/', name: 'overview', role: 'reader', load: () => import('./pages/overview.js') },
  { path: '/search', name: 'search', role: 'reader', load: () => import('./pages/search.js') },
  { path: '/collection', name: 'collection', role: 'operator', load: () => import('./pages/collection.js') },
  { path: '/lists', name: 'lists', role: 'operator', load: () => import('./pages/lists.js') },
  { path: '/feeds', name: 'feeds', role: 'reader', load: () => import('./pages/feeds.js') },
  { path: '/admin', name: 'admin', role: 'admin', load: () => import('./pages/admin.js') },
  { path: '/login', name: 'login', role: null, public: true, hidden: true, load: () => import('./pages/login.js') },
];

export function findRoute(pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return ROUTES.find((route) => route.path === path) ?? null;
}
