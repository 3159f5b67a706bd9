import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { foldWidth } from './normalize';
import { readNotice } from './read-notice';
import { isRefusal } from './reading';
import {
  assignRoles, headingLeaders, leaderName, leaderNames, LeadRule, leadRule, readLabel, readResponsibility, RULE_HINT, splitNames, type UnitGroup,
} from './responsibility';

const roles = (text: string, rule: LeadRule, label?: Parameters<typeof readResponsibility>[1]) =>
  assignRoles(readResponsibility(text, label).groups, rule).map((u) => `${u.name}:${u.role}`);

describe('unit names', () => {
  it('splits at 、 outside brackets and keeps a name’s own brackets', () => {
    expect(splitNames('县发改局（粮食局）、各县（市、区）政府、各区县政府（含南太湖新区、长合区管委会）')).toEqual([
      '县发改局（粮食局）', '各县（市、区）政府', '各区县政府（含南太湖新区、长合区管委会）',
    ]);
  });

  it('keeps 各区、县（市）政府 one body', () => {
    expect(splitNames('市发改委、各区、县（市）政府（管委会）')).toEqual(['市发改委', '各区、县（市）政府（管委会）']);
    expect(splitNames('各街道、各社区')).toEqual(['各街道', '各社区']);
  });

  it('keeps 市、县两级政府 one body: a level alone names no unit', () => {
    expect(splitNames('市、县两级政府')).toEqual(['市、县两级政府']);
    expect(splitNames('省、市、县三级政府')).toEqual(['省、市、县三级政府']);
    expect(splitNames('县、乡两级')).toEqual(['县、乡两级']);
    expect(roles('市发改委牵头，市、县两级政府配合', LeadRule.None)).toEqual(['市发改委:lead', '市、县两级政府:co']);
  });

  it('carries 各 over to a level after it (各镇、街道): the item is found under 各街道, as other items write it', () => {
    expect(splitNames('各镇、街道')).toEqual(['各镇', '各街道']);
    expect(splitNames('各乡镇、街道办事处')).toEqual(['各乡镇', '各街道办事处']);
    expect(splitNames('各地、各部门')).toEqual(['各地', '各部门']);
    expect(splitNames('区住建局、街道')).toEqual(['区住建局', '街道']);
    expect(roles('区住建局牵头，各镇、街道配合', LeadRule.None)).toEqual(['区住建局:lead', '各镇:co', '各街道:co']);
  });

  it('sets apart two units joined by 及 or 和 (区统计局及各街道), never a name holding the word (区住房和城乡建设局)', () => {
    expect(splitNames('区住建局、区财政局及各街道')).toEqual(['区住建局', '区财政局', '各街道']);
    expect(splitNames('区委宣传部和区文明办')).toEqual(['区委宣传部', '区文明办']);
    expect(splitNames('区发改局及相关部门')).toEqual(['区发改局', '相关部门']);
    expect(splitNames('区住房和城乡建设局、区人力资源和社会保障局')).toEqual(['区住房和城乡建设局', '区人力资源和社会保障局']);
    expect(splitNames('各镇（街道）及村（社区）')).toEqual(['各镇（街道）及村（社区）']);
    expect(splitNames('区教育局及所属学校')).toEqual(['区教育局及所属学校']);
    expect(roles('区发改局及区财政局牵头，各街道配合', LeadRule.None)).toEqual(['区发改局:lead', '区财政局:lead', '各街道:co']);
    expect(roles('区统计局及各街道', LeadRule.None, 'co')).toEqual(['区统计局:co', '各街道:co']);
  });

  it('mixes 、 and ， in one list, as written, half-width too', () => {
    expect(roles('立山经济开发区，各街道、区直各部门', LeadRule.None, 'resp')).toEqual(['立山经济开发区:co', '各街道:co', '区直各部门:co']);
    expect(roles('立山经济开发区,各街道(新区)', LeadRule.None, 'resp')).toEqual(['立山经济开发区:co', '各街道(新区):co']);
  });

  it('drops a rule’s note wherever it sits, never a name’s own bracket', () => {
    expect(roles('县发改局（首位单位为牵头单位，下同）、县财政局', LeadRule.FirstListed, 'resp')).toEqual(['县发改局:lead', '县财政局:co']);
    expect(roles('各区县政府（含南太湖新区、长合区管委会）（列第一位的为工作牵头单位或汇总单位，下同）', LeadRule.FirstListed, 'resp'))
      .toEqual(['各区县政府（含南太湖新区、长合区管委会）:lead']);
  });

  it('takes a mark standing for none (/, —, －, 无, 暂无) for no unit, no leader, no deadline', () => {
    for (const none of ['/', '／', '—', '——', '－', '-', '无', '暂无', '\\']) {
      expect(splitNames(none), none).toEqual([]);
      expect(roles(`牵头单位：区发改局；配合单位：${none}`, LeadRule.None), none).toEqual(['区发改局:lead']);
      expect(readResponsibility(`责任领导：${none}`).leaders, none).toEqual([]);
      expect(readResponsibility(`完成时限：${none}`).deadline, none).toBeUndefined();
    }
    // Names holding such characters stay whole.
    expect(splitNames('无锡市发改委、区发改局/区粮食局、省交通集团—苏州公司')).toEqual(['无锡市发改委', '区发改局/区粮食局', '省交通集团—苏州公司']);
  });

  it('keeps catch-alls and 等 as written, and a list joined by 及 whole', () => {
    expect(roles('台州经济开发区管委会等', LeadRule.None, 'resp')).toEqual(['台州经济开发区管委会等:co']);
    expect(roles('市行政审批服务局牵头，市级各有关部门及各县市区政府按职责分工负责', LeadRule.None))
      .toEqual(['市行政审批服务局:lead', '市级各有关部门及各县市区政府:co']);
  });
});

describe('roles by the page’s rule', () => {
  const groups = (kind: UnitGroup['kind'], ...names: string[]): UnitGroup => ({ kind, names });

  it('a stated first-listed rule makes the first lead, unless units are marked 牵头', () => {
    expect(assignRoles([groups('resp', 'A', 'B')], LeadRule.FirstListed).map((u) => u.role)).toEqual(['lead', 'co']);
    expect(roles('省政府办公厅、省财政厅牵头，省商务厅', LeadRule.FirstListed, 'resp')).toEqual(['省政府办公厅:lead', '省财政厅:lead', '省商务厅:co']);
  });

  it('names a unit listed twice once, in its first place, leading where either listing leads (牵头单位 | 责任单位 repeating it)', () => {
    expect(assignRoles([groups('leadLabel', '区城管局'), groups('resp', '区城管局', '各街道')], LeadRule.None).map((u) => `${u.name}:${u.role}`))
      .toEqual(['区城管局:lead', '各街道:co']);
    expect(assignRoles([groups('co', '各街道'), groups('lead', '各街道', '区城管局')], LeadRule.None).map((u) => `${u.name}:${u.role}`))
      .toEqual(['各街道:lead', '区城管局:lead']);
    expect(roles('牵头单位：区城管局；责任单位：区城管局、各街道', LeadRule.None)).toEqual(['区城管局:lead', '各街道:co']);
  });

  it('no rule: 责任单位 are all co, a 牵头单位 label makes every unit it names lead', () => {
    expect(assignRoles([groups('resp', 'A', 'B')], LeadRule.None).map((u) => u.role)).toEqual(['co', 'co']);
    expect(assignRoles([groups('leadLabel', 'A', 'B')], LeadRule.None).map((u) => u.role)).toEqual(['lead', 'lead']);
    expect(assignRoles([groups('leadLabel', 'A', 'B')], LeadRule.FirstListed).map((u) => u.role)).toEqual(['lead', 'co']);
  });

  it('按职责分工负责 and 分别负责 name no lead, even under a first-listed rule; a no-order rule neither', () => {
    expect(roles('国务院各部门分别负责，年内持续推进', LeadRule.FirstListed)).toEqual(['国务院各部门:co']);
    expect(roles('各地区各部门按职责分工负责', LeadRule.FirstListed)).toEqual(['各地区各部门:co']);
    expect(assignRoles([groups('resp', 'A', 'B')], LeadRule.NoOrder).map((u) => u.role)).toEqual(['co', 'co']);
  });

  it('a unit marked （牵头） after its name leads, the mark no part of its name; the rest help', () => {
    expect(roles('县住建局（牵头）、县生态环境分局、各乡镇人民政府', LeadRule.None, 'resp'))
      .toEqual(['县住建局:lead', '县生态环境分局:co', '各乡镇人民政府:co']);
    expect(roles('区统计局、区发改局(牵头)，各街道', LeadRule.FirstListed, 'resp')).toEqual(['区统计局:co', '区发改局:lead', '各街道:co']);
    expect(roles('责任单位：县农业农村局（牵头单位），县自然资源局；完成时限：三季度末', LeadRule.None))
      .toEqual(['县农业农村局:lead', '县自然资源局:co']);
    // A bracket of units whose lead is so marked is a responsibility, though no label or verb says so.
    expect(readResponsibility('县住建局（牵头）、县生态环境分局').marked).toBe(true);
    // A name's own bracket is kept.
    expect(roles('县发改局（粮食局）（牵头）、县财政局', LeadRule.None, 'resp')).toEqual(['县发改局（粮食局）:lead', '县财政局:co']);
  });

  it('a verb glued to the last unit is no part of its name (团市委配合落实)', () => {
    expect(roles('市发改委、市科技局、团市委配合落实', LeadRule.FirstListed)).toEqual(['市发改委:lead', '市科技局:co', '团市委:co']);
  });
});

describe('a responsibility however it is written', () => {
  it('labelled and split by ；, square brackets or round', () => {
    expect(roles('牵头单位：市经贸委；配合单位：市发改委、国土房管局', LeadRule.None)).toEqual(['市经贸委:lead', '市发改委:co', '国土房管局:co']);
    expect(roles('牵头单位：区发改局（区粮食局）；责任单位：区财政局、各街办（新区）', LeadRule.None))
      .toEqual(['区发改局（区粮食局）:lead', '区财政局:co', '各街办（新区）:co']);
  });

  it('部门分工 as running text: the lead before 牵头, the rest before 配合, the full stop no name', () => {
    expect(roles('部门分工：省发展改革委牵头，各地、各部门配合。', LeadRule.None)).toEqual(['省发展改革委:lead', '各地:co', '各部门:co']);
  });

  it('takes leaders named by post and the deadline out of the units', () => {
    const r = readResponsibility('分管副省长、协管副秘书长负责，省发展改革委牵头，省统计局配合，2022年12月底前完成');
    expect(r.leaders).toEqual(['分管副省长', '协管副秘书长']);
    expect(r.deadline).toBe('2022年12月底前完成');
    expect(assignRoles(r.groups, LeadRule.None).map((u) => u.name)).toEqual(['省发展改革委', '省统计局']);
    expect(readResponsibility('牵头市领导：汤飞帆').leaders).toEqual(['汤飞帆']);
    expect(readResponsibility('完成时限：6月底前').deadline).toBe('6月底前');
  });

  it('is marked only by a label or a verb: a bare remark in brackets is none', () => {
    expect(readResponsibility('此件公开发布').marked).toBe(false);
    expect(readResponsibility('市下达指标').marked).toBe(false);
    expect(readResponsibility('区发改局牵头').marked).toBe(true);
  });

  it('reads labels full- or half-width, never a word that only starts like one', () => {
    expect(readLabel('责任单位：区发改局')).toEqual({ kind: 'resp', end: 5 });
    expect(readLabel('分管省领导:林克庆')).toEqual({ kind: 'leader', end: 6 });
    expect(readLabel('省牵头单位：省农业农村厅')).toBeUndefined();
    // A leader labelled by post: 分管副区长：, 联系副县长：, 牵头副市长：, 分管常务副区长：.
    for (const label of ['分管副区长', '联系副县长', '牵头副市长', '分管常务副区长', '责任市长']) {
      expect(readLabel(`${label}：周明`), label).toEqual({ kind: 'leader', end: label.length + 1 });
    }
    expect(readResponsibility('分管副区长：周明、吴刚').leaders).toEqual(['周明', '吴刚']);
    expect(readLabel('副区长：周明')).toBeUndefined();
    // In 【】, without a colon or with one after it.
    expect(readLabel('【牵头单位】区发改局')).toEqual({ kind: 'leadLabel', end: 6 });
    expect(readLabel('【责任领导】：李红梅')).toEqual({ kind: 'leader', end: 7 });
    expect(readLabel('【专栏1】推进城市更新')).toBeUndefined();
    expect(roles('【牵头单位】区财政局；【配合单位】区税务局', LeadRule.None)).toEqual(['区财政局:lead', '区税务局:co']);
    // 主要责任单位 leads; 其他责任单位, 配合责任单位, 协同责任单位 help (华容's labels); 牵头单位（部门）.
    expect(['主要责任单位', '其他责任单位', '配合责任单位', '协同责任部门', '牵头单位（部门）', '责任单位(部门)'].map((l) => readLabel(`${l}：X`)?.kind))
      .toEqual(['leadLabel', 'co', 'co', 'co', 'leadLabel', 'resp']);
    expect(roles('主要责任单位：县发改局、县财政局；其他责任单位：各乡镇', LeadRule.None)).toEqual(['县发改局:lead', '县财政局:lead', '各乡镇:co']);
    expect(readLabel('主要预期目标：经济增长7.5%')).toBeUndefined();
  });

  it('reads a unit label naming the person answering too (责任单位及责任人：), the unit a unit', () => {
    expect(['责任单位及责任人', '牵头单位及责任人', '牵头组织实施单位及责任人', '配合单位及其责任人'].map((l) => readLabel(`${l}：X`)))
      .toEqual([{ kind: 'resp', end: 9 }, { kind: 'leadLabel', end: 9 }, { kind: 'leadLabel', end: 13 }, { kind: 'co', end: 10 }]);
    expect(roles('牵头单位及责任人：区人社局；配合单位及责任人：各街道', LeadRule.None)).toEqual(['区人社局:lead', '各街道:co']);
    // 负责人 for 责任人, a 部门 for a 单位.
    expect(['牵头部门及负责人', '责任单位及负责人'].map((l) => readLabel(`${l}：X`))).toEqual([{ kind: 'leadLabel', end: 9 }, { kind: 'resp', end: 9 }]);
    // The person beside each unit, as the label says: the unit alone, whichever way the person is written.
    expect(roles('牵头部门及负责人：区城管局张三；配合单位及责任人：区发改局（李四）、区住建局 王小明、各街道', LeadRule.None))
      .toEqual(['区城管局:lead', '区发改局:co', '区住建局:co', '各街道:co']);
    expect(roles('牵头单位：县发改局（粮食局）', LeadRule.None)).toEqual(['县发改局（粮食局）:lead']);
  });

  it('reads 次要责任单位 as the units helping (主要责任单位 leads), and 督办领导, 督导领导 as the item\'s leaders', () => {
    expect(roles('主要责任单位：区城管局；次要责任单位：各街道', LeadRule.None)).toEqual(['区城管局:lead', '各街道:co']);
    expect(['督办领导', '督导区领导', '督办市领导'].map((l) => readLabel(`${l}：张三`)?.kind)).toEqual(['leader', 'leader', 'leader']);
    expect(readResponsibility('督办领导：张三；责任单位：区城管局').leaders).toEqual(['张三']);
  });
});

describe('a deadline in a responsibility bracket', () => {
  const bracket = (tail: string) => readResponsibility(`市教育局牵头，市财政局配合，${tail}`);
  it.each([
    '第三季度末前完成', '今年底前完成', '本年度内完成', '常态化推进', '力争年底前完成', '到2025年底', '二〇二四年十二月底前',
    '十月底前完成', '次年3月底前', '明年上半年', '2024—2025年', '当年完成', '分年度实施', '按时间节点推进', '2024年春节前',
    '2024.12', '2024/6/30前',
    // Said with what is asked or planned before the date.
    '在6月底前完成', '须于年底前完成', '计划2024年底完工', '预计三季度完成', '务必于10月底前完成', '要在年内完成',
  ])('（…，%s）is the item’s deadline as written, never a unit', (tail) => {
    const r = bracket(tail);
    expect(assignRoles(r.groups, LeadRule.None).map((u) => `${u.name}:${u.role}`)).toEqual(['市教育局:lead', '市财政局:co']);
    expect(r.deadline).toBe(tail);
  });

  it('keeps units whose names only start like a time', () => {
    expect(roles('十堰市发改委牵头，于都县政府配合', LeadRule.None)).toEqual(['十堰市发改委:lead', '于都县政府:co']);
    expect(roles('市教育局牵头，在杭高校配合', LeadRule.None)).toEqual(['市教育局:lead', '在杭高校:co']);
  });
});

describe('the verb after a list of units', () => {
  it.each([
    ['按职责分工负责'], ['按照职责分工负责'], ['按职能分工负责'], ['分工负责'], ['具体负责'], ['负责落实'], ['共同落实'], ['组织实施'],
    ['抓好落实'], ['共同推进'], ['按职责落实'], ['按职责分工落实'],
  ])('（X牵头，Y、Z%s）: Z is the unit alone, co beside the lead, and no lead without one', (verb) => {
    expect(roles(`市发改委牵头，市财政局、市商务局${verb}`, LeadRule.FirstListed)).toEqual(['市发改委:lead', '市财政局:co', '市商务局:co']);
    expect(roles(`市财政局、市商务局${verb}`, LeadRule.FirstListed)).toEqual(['市财政局:co', '市商务局:co']);
  });

  it.each([['配合实施'], ['协助配合'], ['协同推进'], ['配合做好相关工作']])('（X牵头，Y、Z%s）: Z helps', (verb) => {
    expect(roles(`市发改委牵头，市财政局、市商务局${verb}`, LeadRule.None)).toEqual(['市发改委:lead', '市财政局:co', '市商务局:co']);
    // Helpers with no lead marked: the page's first-listed rule still makes the first lead.
    expect(roles(`市财政局、市商务局${verb}`, LeadRule.FirstListed)).toEqual(['市财政局:lead', '市商务局:co']);
  });

  it('keeps 等 and catch-alls as written', () => {
    expect(roles('市发改委牵头，市财政局、市商务局等按职责分工负责', LeadRule.None)).toEqual(['市发改委:lead', '市财政局:co', '市商务局等:co']);
    expect(roles('市商务局牵头，市文广旅局等部门配合', LeadRule.None)).toEqual(['市商务局:lead', '市文广旅局等部门:co']);
    expect(roles('市大数据局牵头，市直各部门共同推进', LeadRule.None)).toEqual(['市大数据局:lead', '市直各部门:co']);
    expect(roles('市应急局牵头，市安委会成员单位按职责落实', LeadRule.None)).toEqual(['市应急局:lead', '市安委会成员单位:co']);
    expect(roles('市发改委牵头，各县（市、区）政府等市级有关部门按职责分工负责', LeadRule.None))
      .toEqual(['市发改委:lead', '各县（市、区）政府等市级有关部门:co']);
  });

  it('names that hold a verb’s characters stay whole', () => {
    expect(roles('区委组织部牵头，区推进办配合', LeadRule.None)).toEqual(['区委组织部:lead', '区推进办:co']);
  });
});

describe('the lead rule a page states', () => {
  it('finds the first-listed rule in its usual wordings, and the no-order rule', () => {
    for (const s of ['(列第一位的为牵头或汇总单位,下同)', '(首位单位为牵头单位,下同)', '列第一位的责任单位为牵头单位或汇总单位。', '(列第一位者为牵头或汇总单位,下同)']) {
      expect(leadRule([s]), s).toBe(LeadRule.FirstListed);
    }
    expect(leadRule(['均为落实目标任务的同责单位,无先后大小责任之分。'])).toBe(LeadRule.NoOrder);
  });

  it.each([
    '第一个单位为牵头单位', '首个单位为牵头单位', '排名首位的为牵头单位', '排第一的为牵头单位', '第一单位为牵头单位',
    '排序第一的单位为牵头单位', '列在首位的为牵头单位',
  ])('（%s，下同）: the first unit of every list leads, the note no unit', (rule) => {
    const line = `责任单位：县发改局（${rule}，下同）、县财政局`;
    expect(leadRule([foldWidth(line)])).toBe(LeadRule.FirstListed);
    expect(RULE_HINT.test(line)).toBe(true);
    expect(roles(line, leadRule([foldWidth(line)]))).toEqual(['县发改局:lead', '县财政局:co']);
    expect(roles(`责任单位：县发改局（${rule}）、县财政局`, LeadRule.FirstListed)).toEqual(['县发改局:lead', '县财政局:co']);
  });

  it('on a page: a rule stated in the first item’s unit line makes the first unit of every item lead', () => {
    const page = `<html><head><title>某区人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知</title>
      <meta name="ArticleTitle" content="某区人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知"></head><body><div id="zoom">
      <p>各街道、区政府各部门：现将责任分解印发给你们，请认真贯彻执行。</p><p>2024年政府工作报告重点工作责任分解</p>
      <p>1．全区生产总值增长6%。</p><p>责任单位：区发改局（第一个单位为牵头单位，下同）、区统计局</p>
      <p>2．一般公共预算收入增长5%。</p><p>责任单位：区财政局、区税务局</p>
      <p>3．新增就业1万人。</p><p>责任单位：区人社局、各街道</p></div></body></html>`;
    const r = readNotice(parseHTML(page).document as unknown as Document, 'https://www.example.gov.cn/art/2024/3/7/art_1_1.html');
    expect(isRefusal(r) ? r.reason : r.lists[0].items.map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([
      ['区发改局:lead', '区统计局:co'], ['区财政局:lead', '区税务局:co'], ['区人社局:lead', '各街道:co'],
    ]);
  });

  it('is not read from a ranking in an item’s words', () => {
    expect(leadRule(['力争全省排名第一(区发改局牵头)'])).toBe(LeadRule.None);
    expect(leadRule(['责任单位:县财政局'])).toBe(LeadRule.None);
  });
});

describe('leading officials', () => {
  it('names without their post; a post where no one is named', () => {
    expect(['王丹县长', '黄飞常务副区长', '樊峥常委', '汤飞帆', '分管副省长'].map(leaderName)).toEqual(['王丹', '黄飞', '樊峥', '汤飞帆', '分管副省长']);
  });

  it('from a section heading that names a person by post, not from one that names a unit', () => {
    expect(headingLeaders('王丹县长牵头重点工作')).toEqual(['王丹']);
    expect(headingLeaders('洪湖鹏市长主抓重点工作')).toEqual(['洪湖鹏']);
    expect(headingLeaders('区发改局牵头工作')).toEqual([]);
    expect(headingLeaders('坚持系统集成，推动审批全链条优化')).toEqual([]);
  });

  it('from a heading however it writes the post: before the name, shared, several, with a remark', () => {
    expect(headingLeaders('区长冯晶牵头工作')).toEqual(['冯晶']);
    expect(headingLeaders('王五、赵六副区长牵头工作')).toEqual(['王五', '赵六']);
    expect(headingLeaders('区委常委、副区长张三牵头工作')).toEqual(['张三']);
    expect(headingLeaders('周八副区长牵头')).toEqual(['周八']);
    expect(headingLeaders('李四副区长（挂职）牵头工作')).toEqual(['李四']);
    expect(headingLeaders('孙七区政府党组成员牵头工作')).toEqual(['孙七']);
    expect(headingLeaders('分管副区长牵头工作')).toEqual(['分管副区长']);
    expect(headingLeaders('区发改局、区财政局牵头工作')).toEqual([]);
    expect(headingLeaders('坚持党委领导、政府牵头')).toEqual([]);
  });

  it('from a heading naming its theme, then who leads it in brackets; not from a bracket naming a unit', () => {
    expect(headingLeaders('经济发展（王丹县长牵头）')).toEqual(['王丹']);
    expect(headingLeaders('稳增长(牵头领导：王丹、李四)')).toEqual(['王丹', '李四']);
    expect(headingLeaders('社会民生（责任领导：常务副县长李四）')).toEqual(['李四']);
    expect(headingLeaders('经济发展（县发改局牵头）')).toEqual([]);
    expect(headingLeaders('经济发展（牵头单位：县发改局）')).toEqual([]);
    expect(headingLeaders('经济发展（共12项）')).toEqual([]);
  });

  it('from a heading however it words the lead: 由…牵头, 共同牵头, 牵头负责, 联系, with the count of its items', () => {
    expect(headingLeaders('由王丹区长牵头的工作')).toEqual(['王丹']);
    expect(headingLeaders('王五、赵六副区长共同牵头')).toEqual(['王五', '赵六']);
    expect(headingLeaders('王丹区长牵头负责的工作')).toEqual(['王丹']);
    expect(headingLeaders('王丹副区长联系工作')).toEqual(['王丹']);
    expect(headingLeaders('王丹副区长牵头重点工作（共12项）')).toEqual(['王丹']);
    expect(headingLeaders('王丹副区长负责的重点任务(8项)')).toEqual(['王丹']);
    expect(headingLeaders('加强与群众联系工作')).toEqual([]);
    expect(headingLeaders('由区发改局牵头的工作')).toEqual([]);
  });

  it('several in a cell or a clause, set apart by 、 or ，', () => {
    expect(leaderNames('王建国，李红梅')).toEqual(['王建国', '李红梅']);
    expect(leaderNames('王建国、李红梅')).toEqual(['王建国', '李红梅']);
  });

  it('the same person under one spelling, whatever post or 同志 an item’s line writes', () => {
    const leaders = (line: string) => readResponsibility(line).leaders;
    expect(leaders('牵头区领导：常务副区长黄飞')).toEqual(['黄飞']);
    expect(leaders('联系区领导：王五同志')).toEqual(['王五']);
    expect(leaders('责任领导：区长冯晶')).toEqual(['冯晶']);
    expect(leaders('牵头区领导：樊峥常委，王五副区长')).toEqual(['樊峥', '王五']);
    expect(leaders('牵头区领导：区委常委、副区长张三')).toEqual(['张三']);
    expect(leaders('分管省领导：分管副省长、张三')).toEqual(['分管副省长', '张三']);
    expect(['常务副区长黄飞', '王五同志', '区长冯晶', '副区长欧阳建国', '区委常委'].map(leaderName)).toEqual(['黄飞', '王五', '冯晶', '欧阳建国', '区委常委']);
  });

  it('reads an assistant to the head and an inspector by their names, the post after or before (王五区长助理, 区长助理王五, 一级巡视员赵六)', () => {
    expect(['王五区长助理', '区长助理王五', '王五市长助理', '一级巡视员赵六', '赵六二级巡视员'].map(leaderName)).toEqual(['王五', '王五', '王五', '赵六', '赵六']);
    expect(readResponsibility('牵头领导：李四副区长、王五区长助理').leaders).toEqual(['李四', '王五']);
  });
});
