// English texts of the work lists (issue 15 item 4): the inspector's queue and lookup, the
// receipt's item ID and QR label, the police alert filters, outlet picker and seizure. Keys
// match worklists.zh-CN.js one for one.
export default {
  worklists: {
    queueTab: 'Queue',
    queueTitle: 'Waiting for inspection (oldest first)',
    queueHelp: 'Items registered at outlets of your region and not yet inspected.',
    queueEmpty: 'No item is waiting for inspection.',
    lookupTitle: 'Find an item',
    lookupBy: 'Find by',
    lookupKinds: { imei: 'IMEI', receipt: 'Receipt number' },
    lookupPlaceholder: { imei: '15 digits, spaces allowed', receipt: 'Receipt number or registration ID' },
    lookupRun: 'Find',
    lookupNone: 'No item of your region matches.',
    item: 'Item',
    identifiers: 'IMEI / serial',
    outlet: 'Outlet',
    receiptNumber: 'Receipt no.',
    registeredAt: 'Registered',
    status: 'Status',
    inspected: 'Inspected',
    notInspected: 'Not inspected',
    inspect: 'Inspect',
    more: 'More',
    checkingItem: 'Checking the item…',
    itemFound: 'Item: {item}',
    // the receipt
    itemId: 'Item ID (for inspection)',
    qrAlt: 'QR code of the item’s public page',
    // police
    region: 'Region',
    allRegions: 'Whole jurisdiction',
    imei: 'IMEI',
    outletName: 'Outlet',
    organisation: 'Operator',
    pickOutlet: 'Choose an outlet',
    seizeNoteRequired: 'A seizure needs a note: the case number and why.',
    confirmSeizeTitle: 'Seize this item?',
    confirmSeize: 'Seize {item} (IMEI {imei}) registered at {outlet}? The shop can no longer sell it, and the seizure is recorded in the item’s public history.',
    confirmSeizeButton: 'Seize',
  },
}
