import { describe, expect, it } from 'vitest'
import { deliveryBody, deliveryErrors, emptyDelivery } from './delivery.js'

const address = { mode: 'delivery', recipient: '李四', phone: '13800138000', address: '建国路 88 号', region_code: '110105' }

describe('delivery at checkout', () => {
  it('needs recipient, a mobile number, the address and its region code for a delivery', () => {
    expect(deliveryErrors(address)).toEqual({})
    expect(deliveryErrors({ ...emptyDelivery(), mode: 'delivery' })).toEqual({
      'delivery.recipient': 'recipient',
      'delivery.phone': 'phone',
      'delivery.address': 'address',
      'delivery.region_code': 'region',
    })
    expect(deliveryErrors({ ...address, phone: '010-12345678' })).toEqual({ 'delivery.phone': 'phone' })
    expect(deliveryErrors({ ...address, region_code: '11010' })).toEqual({ 'delivery.region_code': 'region' })
  })
  it('takes pick-up with nothing, and sends no address for it', () => {
    expect(deliveryErrors(emptyDelivery())).toEqual({})
    expect(deliveryBody({ ...address, mode: 'pickup', recipient: '', phone: '' })).toEqual({ mode: 'pickup' })
    expect(deliveryBody({ ...address, address: ' 建国路 88 号 ' })).toEqual(address)
  })
})
