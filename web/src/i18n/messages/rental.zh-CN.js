// 商品页的租赁部分（日历与预订）的文字。键与 rental.en.js 一一对应。
export default {
  rental: {
    title: '可租赁',
    prices: '日租 {day} · 周租 {week} · 月租 {month}',
    none: '—',
    deposit: '押金 {deposit}，归还时扣除逾期费和损坏费后退还',
    length: '租期 {min} 至 {max} 天',
    taken: '已被预订',
    noneTaken: '暂无预订',
    range: '{start} 至 {end}',
    start: '取件日',
    end: '归还日',
    book: '预订这些日期',
    booked: '已预订：{start} 至 {end}，租金 {price}，押金 {deposit}',
    loginFirst: '请以买家身份登录后预订',
  },
}
