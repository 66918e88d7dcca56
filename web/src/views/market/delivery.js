// Delivery or pick-up at checkout, and the delivery block of the shop's order and dispatch slip.
// The server checks the same rules and names the same fields (delivery.phone, …): these checks
// only answer before the round trip.

export const PHONE = /^1\d{10}$/
export const REGION = /^\d{6}$/

export function emptyDelivery() {
  return { mode: 'pickup', recipient: '', phone: '', address: '', region_code: '' }
}

// Field → message key (market.delivery.errors.*) for what is missing or malformed.
export function deliveryErrors(d) {
  const errors = {}
  if (d.mode !== 'delivery') {
    if (d.phone && !PHONE.test(d.phone.trim())) errors['delivery.phone'] = 'phone'
    return errors
  }
  if (!d.recipient.trim()) errors['delivery.recipient'] = 'recipient'
  if (!PHONE.test(d.phone.trim())) errors['delivery.phone'] = 'phone'
  if (!d.address.trim()) errors['delivery.address'] = 'address'
  if (!REGION.test(d.region_code.trim())) errors['delivery.region_code'] = 'region'
  return errors
}

// The request's delivery object: pick-up sends no address; empty fields are left out.
export function deliveryBody(d) {
  if (d.mode !== 'delivery') {
    const body = { mode: 'pickup' }
    if (d.recipient.trim()) body.recipient = d.recipient.trim()
    if (d.phone.trim()) body.phone = d.phone.trim()
    return body
  }
  return {
    mode: 'delivery',
    recipient: d.recipient.trim(),
    phone: d.phone.trim(),
    address: d.address.trim(),
    region_code: d.region_code.trim(),
  }
}
