// 买家出价（商品页“出价”、我的订单中的“我的出价”、按议定价格结算）与经营者分页列表的文字。键与 bestoffer.en.js 一一对应。
export default {
  bestOffer: {
    make: '出价',
    title: '出价',
    note: '出一个低于 {price} 的价格。卖家可以接受、拒绝或还价。',
    amount: '您的出价（元）',
    amountPlaceholder: '例如 2800',
    send: '提交出价',
    sending: '正在提交…',
    loginFirst: '登录后出价',
    errors: {
      amount: '请输入大于零的金额（元），最多两位小数',
      notBelowPrice: '出价须低于售价；按售价请直接购买',
    },
    outcome: {
      accepted: '卖家已自动接受您的出价 {amount}。',
      declined: '您的出价 {amount} 已被自动拒绝：低于卖家可接受的价格。您可以出更高的价格。',
      pending: '您的出价 {amount} 已提交，等待卖家答复，有效期至 {expires}。',
      countered: '卖家还价 {counter}（有效期至 {expires}）。',
      expired: '该出价已过期。',
      used: '您已按此价格购买。',
    },
    buyAt: '以 {amount} 购买',
    acceptCounter: '接受还价 {amount}',
    counterTaken: '已接受还价：以 {amount} 购买',
    mine: '我的出价',
    none: '还没有出价。',
    offered: '出价 {amount}',
    counter: '还价 {amount}',
    expires: '有效期至 {time}',
    price: '售价 {amount}',
    states: {
      pending: '等待卖家答复', accepted: '已接受', declined: '已拒绝', countered: '卖家还价',
      expired: '已过期', used: '已购买',
    },
    checkoutAt: '按您已被接受的出价结算（售价 {price}）。',
    checkoutGone: '该出价已不能确定价格（{status}），按售价结算。',
  },
  pager: {
    more: '加载更早的',
    loaded: '已加载 {count} 条',
  },
}
