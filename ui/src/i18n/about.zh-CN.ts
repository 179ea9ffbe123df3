// 关于对话框的简体中文文本。
import type { aboutEn } from "./about.en";

export const aboutZhCN: typeof aboutEn = {
  open: "关于",
  title: "关于表格存储投递工作室",
  version: "版本 {{version}}",
  lead: "本应用包含以下开源软件包，各自保留其许可证。点击“显示”可阅读软件包完整的许可证文本和版权声明。",
  filter: "筛选软件包",
  count: "显示 {{shown}} / 共 {{total}} 个软件包",
  package: "软件包",
  packageVersion: "版本",
  licence: "许可证",
  source: "来源",
  licenceText: "许可证文本",
  showText: "显示",
  hideText: "隐藏",
  showTextOf: "显示 {{name}} {{version}} 的许可证文本",
  hideTextOf: "隐藏 {{name}} {{version}} 的许可证文本",
  standardText: "{{licence}} 标准文本（该软件包未附带自己的许可证文件）",
  authors: "版权持有人（即该软件包列出的作者）：{{authors}}",
  sharedBy: "共有 {{count}} 个软件包附带相同的文本。",
  close: "关闭",
};
