// 通知中心（NotificationBell.vue）。服务器只发消息编号与参数，文字在这里。
export default {
  notifications: {
    title: '通知',
    bell: '通知 {n} 条未读',
    readAll: '全部已读',
    empty: '暂无通知',
    messages: {
      complaint_filed: '收到一条新投诉：{category}',
      complaint_decided: '您的投诉已处理：{outcome}',
      alert_raised: '辖区有新的预警（评分 {score}），请核查',
      order_placed: '新订单：¥{price}',
      best_offer_made: '收到新的议价（{status}）',
      after_sale_requested: '买家提出售后申请：{kind}',
      order_dispatched: '您的订单已发货',
      best_offer_decided: '您的议价有了答复：{status}',
    },
    status: {
      pending: '待处理',
      accepted: '已接受',
      declined: '已拒绝',
      countered: '已还价',
      expired: '已过期',
      withdrawn: '已撤回',
      used: '已使用',
    },
    afterSaleKind: {
      return: '退货',
      warranty: '保修',
      dispute: '争议',
    },
  },
}
