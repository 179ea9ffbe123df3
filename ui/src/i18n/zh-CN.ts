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
