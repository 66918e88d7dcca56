// Routes and the guard that keeps them honest: every module's route carries the permission from
// navigation.js, and the guard checks it against the session's permissions before entering.
import { createRouter, createWebHistory } from 'vue-router'
import { MODULES } from './navigation.js'
import { useSessionStore } from './stores/session.js'

const VIEWS = {
  overview: () => import('./views/OverviewView.vue'),
  organisations: () => import('./views/OrganisationsView.vue'),
  outlets: () => import('./views/OutletsView.vue'),
  users: () => import('./views/UsersView.vue'),
  apiKeys: () => import('./views/ApiKeysView.vue'),
  acquisitions: () => import('./views/IntakeView.vue'),
  police: () => import('./views/PoliceView.vue'),
  inspection: () => import('./views/InspectionView.vue'),
  itemService: () => import('./views/ItemServiceView.vue'),
  market: () => import('./views/shop/ShopView.vue'),
  inventory: () => import('./views/shop/InventoryView.vue'),
  consignment: () => import('./views/shop/ConsignmentView.vue'),
  supervision: () => import('./views/supervision/SupervisionView.vue'),
  statistics: () => import('./views/statistics/StatisticsView.vue'),
}
const PlaceholderView = () => import('./views/PlaceholderView.vue')

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  // A logged-in user's own password change; the only page after an administrator's reset.
  { path: '/change-password', name: 'change-password', component: () => import('./views/ChangePasswordView.vue') },
  // Public pages (no login): a buyer checks a report, reads an item's disclosure or its verified
  // history (/items/:id, what an item label's QR code opens).
  {
    path: '/verify/report/:id?',
    name: 'verify-report',
    component: () => import('./views/VerifyReportView.vue'),
    meta: { public: true },
  },
  {
    path: '/disclosure/:id',
    name: 'disclosure',
    component: () => import('./views/DisclosureView.vue'),
    meta: { public: true },
  },
  // The public market (no login for search, item pages and sign-up; checkout and "my orders"
  // need market.buy). Its own small header, not the staff layout.
  {
    path: '/market',
    component: () => import('./views/market/MarketLayout.vue'),
    children: [
      { path: '', name: 'market-search', component: () => import('./views/market/MarketSearchView.vue'), meta: { public: true } },
      { path: 'offers/:id', name: 'market-offer', component: () => import('./views/market/OfferView.vue'), meta: { public: true } },
      { path: 'signup', name: 'market-signup', component: () => import('./views/market/SignupView.vue'), meta: { public: true } },
      {
        path: 'offers/:id/checkout',
        name: 'market-checkout',
        component: () => import('./views/market/CheckoutView.vue'),
        meta: { permission: 'market.buy' },
      },
      { path: 'orders', name: 'market-orders', component: () => import('./views/market/MyOrdersView.vue'), meta: { permission: 'market.buy' } },
    ],
  },
  {
    path: '/items/:id',
    name: 'item',
    component: () => import('./views/ItemView.vue'),
    meta: { public: true },
  },
  {
    path: '/',
    component: () => import('./views/AppLayout.vue'),
    children: [
      { path: '', redirect: { name: 'overview' } },
      ...MODULES.map((m) => ({
        path: m.path,
        name: m.name,
        component: m.status === 'planned' ? PlaceholderView : VIEWS[m.name],
        props: m.status === 'planned' ? { module: m } : false,
        meta: { permission: m.permission },
      })),
      { path: 'forbidden', name: 'forbidden', component: () => import('./views/ForbiddenView.vue') },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    try {
      await session.restore()
    } catch {
      // The server could not be asked; the login page says so when it tries.
    }
    if (to.meta.public) {
      return session.loggedIn && to.name === 'login' ? redirectTarget(to) : true
    }
    if (!session.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
    // The server refuses everything else until the reset password is changed.
    if (session.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' }
    if (to.meta.permission && !session.can(to.meta.permission)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
  return router
}

/** Where to go after logging in: the page asked for, if it is one of ours, else the overview. */
export function redirectTarget(route) {
  const target = route.query?.redirect
  // Only a path of this site: browsers read "//host" and "/\host" as another site.
  if (
    typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.includes('\\') &&
    !target.startsWith('/login')
  ) {
    return target
  }
  return { name: 'overview' }
}
