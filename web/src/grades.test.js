import { describe, expect, it } from 'vitest'
import { explainGrade, gradeSentence } from './grades.js'

describe('grades in words', () => {
  it('explains a phone grade "0/B" part by part in both languages', () => {
    expect(explainGrade('phone', '0/B', 'zh-CN')).toEqual([
      { scale: '功能等级', value: '0', text: '功能完好' },
      { scale: '外观等级', value: 'B', text: '轻微使用痕迹（20 厘米外不可见）' },
    ])
    expect(gradeSentence('phone', '0/B', 'en')).toBe(
      'Functional grade 0 Fully functional · Cosmetic grade B Light wear (invisible beyond 20 cm)',
    )
  })
  it('matches the parts to scales whatever their order', () => {
    expect(explainGrade('laptop', 'B/2', 'en').map((p) => p.scale)).toEqual(['Cosmetic grade', 'Functional grade'])
  })
  it('explains a one-scale grade and says nothing for ungraded', () => {
    expect(explainGrade('luxury_bag', 'S', 'en')).toHaveLength(1)
    expect(explainGrade('luxury_bag', 'S', 'en')[0].text).not.toBe('')
    expect(explainGrade('phone', 'ungraded', 'zh-CN')).toEqual([])
    expect(explainGrade('phone', 'Z', 'en')).toEqual([{ scale: '', value: 'Z', text: '' }])
  })
})
