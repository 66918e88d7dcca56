// The notification centre (NotificationBell.vue). The server sends only message ids and params.
export default {
  notifications: {
    title: 'Notifications',
    bell: 'Notifications: {n} unread',
    readAll: 'Mark all read',
    empty: 'No notifications',
    messages: {
      complaint_filed: 'A new complaint about you: {category}',
      complaint_decided: 'Your complaint was decided: {outcome}',
      alert_raised: 'A new alert in your jurisdiction (score {score}): please review',
      order_placed: 'New order: ¥{price}',
      best_offer_made: 'A new best offer ({status})',
      after_sale_requested: 'A buyer asked for after-sales: {kind}',
      order_dispatched: 'Your order has been dispatched',
      best_offer_decided: 'Your best offer was answered: {status}',
    },
    status: {
      pending: 'pending',
      accepted: 'accepted',
      declined: 'declined',
      countered: 'countered',
      expired: 'expired',
      withdrawn: 'withdrawn',
      used: 'used',
    },
    afterSaleKind: {
      return: 'return',
      warranty: 'warranty',
      dispute: 'dispute',
    },
  },
}
