import { describe, expect, it } from 'vitest';
import { externalProblems, qualityProblems } from './rules.ts';

describe('branch quality rules (seed 004)', () => {
  it('promotes to 最强党支部 only from 标准化规范化, and to 市级 only from 区级', () => {
    expect(qualityProblems({ kind: '党支部', qualityStatus: '最强党支部（区级）', weakFlag: false }, { kind: '党支部', qualityStatus: '未达标', weakFlag: false })).toHaveLength(1);
    expect(qualityProblems({ kind: '党支部', qualityStatus: '最强党支部（区级）', weakFlag: false }, { kind: '党支部', qualityStatus: '标准化规范化', weakFlag: false })).toEqual([]);
    expect(qualityProblems({ kind: '党支部', qualityStatus: '最强党支部（市级）', weakFlag: false }, { kind: '党支部', qualityStatus: '标准化规范化', weakFlag: false })[0]?.message).toMatch(/区级/);
  });

  it('never combines 最强党支部 with 软弱涣散 or a non-branch kind; demotion is free', () => {
    expect(qualityProblems({ kind: '党支部', qualityStatus: '最强党支部（区级）', weakFlag: true })).toHaveLength(1);
    expect(qualityProblems({ kind: '党委', qualityStatus: '最强党支部（区级）', weakFlag: false })).toHaveLength(1);
    expect(qualityProblems({ kind: '党支部', qualityStatus: '未达标', weakFlag: true }, { kind: '党支部', qualityStatus: '最强党支部（市级）', weakFlag: false })).toEqual([]);
  });

  it('keeps external members out of the hierarchy and asks where they are', () => {
    expect(externalProblems({ isExternal: true, externalRegion: null, parentId: null }).map((e) => e.path)).toEqual(['body.externalRegion']);
    expect(externalProblems({ isExternal: true, externalRegion: '北京市', parentId: 'org_x' }).map((e) => e.path)).toEqual(['body.parentId']);
    expect(externalProblems({ isExternal: false, externalRegion: null, parentId: 'org_x' })).toEqual([]);
  });
});
