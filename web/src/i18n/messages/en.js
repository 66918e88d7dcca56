// English. Keys match zh-CN.js one for one (checked by src/i18n/i18n.test.js).
import shop from './shop.en.js'
import registry from './registry.en.js'
import item from './item.en.js'
import inspection from './inspection.en.js'
import market from './market.en.js'
import bestoffer from './bestoffer.en.js'
import rental from './rental.en.js'
import statistics from './statistics.en.js'
import server from './server.en.js'

export default {
  ...shop,
  ...registry,
  ...inspection,
  ...market,
  ...bestoffer,
  ...rental,
  ...statistics,
  ...item,
  ...server,
  app: {
    name: 'recirc',
    tagline: 'Trusted circulation of second-hand goods',
  },
  language: {
    label: 'Language',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    close: 'Close',
    refresh: 'Refresh',
    loadMore: 'Load more',
    actions: 'Actions',
    createdAt: 'Created',
    copy: 'Copy',
    copied: 'Copied',
    required: '{field} is required',
    created: 'Created',
    noData: 'No data',
    organisation: 'Organisation',
  },
  errors: {
    busy: 'The server is busy. Please try again in a moment.',
    network: 'Cannot reach the server. Check the connection and try again.',
    http: 'The request failed (HTTP {status}).',
    sessionExpired: 'Your session has ended. Please log in again.',
    idempotencyConflict: 'This request was already handled or is in progress and is not repeated; refresh to see the result.',
  },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
  },
  header: {
    menu: 'Menu',
    logout: 'Log out',
    loggedOut: 'Logged out',
  },
  menu: {
    planned: 'Planned',
    plannedGroup: 'Modules being built',
  },
  modules: {
    overview: { title: 'Overview' },
    organisations: { title: 'Organisations' },
    outlets: { title: 'Outlets' },
    users: { title: 'Users' },
    apiKeys: { title: 'API keys' },
    acquisitions: {
      title: 'Acquisitions',
      description:
        'Register every acquired item and its seller at an outlet, screen it against police watchlists before it completes, and report it to the police on time.',
    },
    police: {
      title: 'Police console',
      description:
        'Acquisition records and watchlist alerts of your jurisdiction; placing and releasing holds; stolen-item reports.',
    },
    itemService: {
      title: 'Item service',
      description: 'Record data sanitization certificates and repairs; see an item’s disclosure.',
    },
    inspection: {
      title: 'Inspection',
      description:
        'Record checklist results per category, compute the grade by a published rule, and issue verifiable inspection reports and data sanitization certificates.',
    },
    market: {
      title: 'Offers and orders',
      description: 'Offer registered items (fixed price, best offers) with the current disclosure, and handle orders: dispatch, settlement, refunds and after-sales.',
    },
    inventory: {
      title: 'Inventory',
      description: 'Every item the shop registered: where it stands (hold, inspection, listing, sale) and what comes next.',
    },
    statistics: {
      title: 'Statistics',
      description:
        'Transaction count and value by region, category, method and month, beside the same months a year earlier.',
    },
    supervision: {
      title: 'Market supervision',
      description: 'Blocked listings of the region, appeals to decide, and the prohibited-goods rules in force.',
    },
  },
  kinds: {
    operator: 'Operator',
    inspection_body: 'Inspection body',
    police: 'Police',
    commerce_authority: 'Commerce authority',
    market_supervision: 'Market supervision',
    platform: 'Platform',
    buyers: 'Individual buyers',
  },
  roles: {
    operator_admin: 'Operator administrator',
    operator_staff: 'Operator staff',
    inspection_admin: 'Inspection administrator',
    inspector: 'Inspector',
    police_admin: 'Police account administrator',
    police_officer: 'Police officer',
    police_supervisor: 'Police supervisor',
    commerce_official: 'Commerce official',
    market_supervisor: 'Market supervisor',
    platform_admin: 'Platform administrator',
    buyer: 'Buyer',
  },
  permissions: {
    organisations_read: 'View organisations',
    organisations_manage: 'Create and manage organisations',
    outlets_read: 'View outlets',
    outlets_manage: 'Create and manage outlets',
    users_read: 'View users',
    users_manage: 'Create and manage users',
    api_keys_manage: 'Manage your own API keys',
    regions_read: 'Look up administrative regions',
    journal_read: 'Read the events journal',
    acquisitions_write: 'Register acquisitions',
    police_read: 'View police information for your jurisdiction',
    police_act: 'Decide alerts and keep the watchlist',
    inspection_write: 'Record inspection results',
    items_service: 'Record data sanitization and repairs',
    market_manage: 'Manage offers and sales',
    market_buy: 'Buy goods',
    statistics_read: 'View statistics',
    statistics_manage: 'Import the statistics baseline',
    supervision_read: 'View market supervision information',
  },
  overview: {
    welcome: 'Hello, {name}',
    you: 'Signed in as',
    username: 'Username',
    role: 'Role',
    organisation: 'Organisation',
    kind: 'Organisation kind',
    region: 'Region',
    permissions: 'You can',
    noPermissions: 'This account holds no permissions.',
  },
  organisations: {
    create: 'New organisation',
    name: 'Name',
    kind: 'Kind',
    creditCode: 'Unified social credit code',
    region: 'Region',
    creditCodeHint: '18 characters, optional',
  },
  outlets: {
    create: 'New outlet',
    name: 'Outlet name',
    region: 'Region',
    address: 'Address',
    onlyOperators: 'Only operators have outlets.',
  },
  region: {
    placeholder: 'Province / city / county',
    loadFailed: 'Could not load regions: {message}',
  },
  users: {
    create: 'New user',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    password: 'Initial password',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
  },
  apiKeys: {
    create: 'New API key',
    name: 'Name',
    status: 'Status',
    active: 'Active',
    revoked: 'Revoked',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the API key "{name}"? Systems using it will lose access.',
    revokeDone: 'Revoked',
    secretTitle: 'API key created',
    secretOnce: 'The secret is shown only this once. Copy it now and keep it safe; it cannot be shown again.',
    intro: 'API keys let other systems call the recirc API as you (HTTP header Authorization: Bearer followed by the key).',
  },
  placeholder: {
    title: 'This module is being built',
    text: 'This page has no functions yet and shows no data.',
    permission: 'Permission needed: {permission}',
  },
  forbidden: {
    title: 'Access denied',
    text: 'This account may not open this page.',
    back: 'Back to overview',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to start',
  },
}
