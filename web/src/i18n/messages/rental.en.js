// Texts of the offer page's rental section (calendar and booking). Keys match rental.zh-CN.js.
export default {
  rental: {
    title: 'For rent',
    prices: 'Day {day} · week {week} · month {month}',
    none: '—',
    deposit: 'Deposit {deposit}, refunded at return less late and damage charges',
    length: 'From {min} to {max} days',
    taken: 'Already booked',
    noneTaken: 'No dates booked yet',
    range: '{start} to {end}',
    start: 'Pick-up day',
    end: 'Return day',
    book: 'Book these dates',
    booked: 'Booked: {start} to {end}, rent {price}, deposit {deposit}',
    loginFirst: 'Log in as a buyer to book',
  },
}
