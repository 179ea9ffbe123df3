import type { Catalogue } from "./en";

// 简体中文：整个实例的任务列表、任务错误的一键修复与新列监测。
export const watchZhCN: Catalogue["watch"] = {
  allTables: "全部数据表",
  allTitle: "所有数据表的任务",
  tablesAsked: "已查询数据表：{{count}}",
  noneInInstance: "此实例的数据表都没有投递任务。",
  table: "数据表",
  lag: "延迟",
  checkpointUtc: "UTC {{time}}",
  failedTitle: "无法列出任务的数据表：{{count}}",
  remedy: {
    fixRole: "修复投递角色",
    checkingRole: "正在检查投递角色…",
    roleExists:
      "投递角色 {{arn}} 已存在。如果任务仍报告此错误，说明任务使用的是其他角色，或角色的权限策略已被修改：请使用此角色重新创建任务。",
    roleMissing: "账号 {{account}} 中不存在投递角色。应用可以使用此配置的密钥创建它。",
    createRole: "创建投递角色",
    creatingRole: "正在创建角色…",
    roleCreated: "角色已创建：{{arn}}。请在几分钟后刷新任务；如果错误仍在，请重新创建任务。",
    roleUnknown: "无法检查角色：{{reason}}",
    roleDoc: "手动创建的方法：",
    bucketRegion: "存储空间必须存在，且与实例位于同一地域（{{region}}）：投递无法写入其他地域。",
    bucketAnyRegion: "存储空间必须存在，且与实例位于同一地域：投递无法写入其他地域。",
    chooseBucket: "为 {{table}} 选择存储空间",
  },
  drift: {
    title: "{{task}} 的新列",
    lead: "数据行没有固定结构：任务创建之后才出现的列不会被投递，也不会有任何提示。",
    check: "检查新列",
    checking: "正在采样最多 {{rows}} 行…",
    sampled: "已采样 {{rows}} 行；任务投递 {{delivered}} 列。",
    allDelivered: "采样到的每一列都已投递。",
    undelivered: "数据中存在但任务未投递的列：{{count}}",
    column: "列",
    types: "出现的类型（行数）",
    presence: "出现比例",
    presencePercent: "{{percent}}% 的行",
    typeCount: "{{type}} × {{rows}}",
    createTask: "新建包含这些列的任务",
    createHint: "打开映射步骤，带入此任务的设置和列以及新列；现有任务保持不变。",
  },
};
