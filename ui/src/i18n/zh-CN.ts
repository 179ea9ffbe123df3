import type { Catalogue } from "./en";

// 简体中文目录：与 en.ts 键完全相同（由类型检查保证）。
export const zhCN: Catalogue = {
  app: {
    name: "表格存储投递工作室",
    loading: "加载中…",
  },
  start: {
    title: "欢迎使用表格存储投递工作室",
    lead: "无需编写 SDK 代码，即可把表格存储（Tablestore）数据表创建为投递任务，以 Parquet 格式导出到 OSS。",
    addProfile: "添加配置",
    addProfileHint: "使用您的 AccessKey 连接。密钥仅保存在系统钥匙串中。",
    trySandbox: "试用沙箱",
    trySandboxHint: "本地模拟的表格存储和 OSS，内置示例数据表，无需云账号。",
    notYetAvailable: "此版本暂不可用。",
    sandboxStarting: "正在启动沙箱…",
  },
  workspace: {
    title: "源表与目标",
    profileLine: "配置 {{profile}} · 地域 {{region}} · 实例 {{instance}}",
  },
  connection: {
    title: "连接",
    run: "测试连接",
    running: "测试中…",
    account: "账号 {{account}}",
  },
  pick: {
    tables: "数据表",
    buckets: "OSS 存储空间",
    filterTables: "筛选数据表",
    filterBuckets: "筛选存储空间",
    filterPlaceholder: "输入以筛选",
    noTables: "没有匹配的数据表。",
    noBuckets: "没有匹配的存储空间。",
    otherRegion: "位于 {{bucketRegion}}：投递需要 {{region}} 的存储空间",
    selection: "源表：{{table}} → 目标存储空间：{{bucket}}",
    none: "未选择",
  },
  status: {
    sandboxRunning: "沙箱运行中：{{endpoint}}",
    sandboxStopped: "沙箱未运行",
    version: "版本 {{version}}",
    dataDir: "数据目录：{{path}}",
  },
  language: {
    label: "语言",
    system: "跟随系统",
    en: "English",
    "zh-CN": "简体中文",
  },
  errors: {
    title: "出现错误",
    retry: "重试",
    requestId: "请求 ID：{{id}}",
  },
};
