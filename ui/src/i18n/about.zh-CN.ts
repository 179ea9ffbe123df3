// 关于对话框的简体中文文本。
import type { aboutEn } from "./about.en";

export const aboutZhCN: typeof aboutEn = {
  open: "关于",
  title: "关于 Tablestore Delivery Studio",
  version: "版本 {{version}}",
  lead: "本应用包含以下开源软件包，各自保留其许可证。完整许可证文本见各软件包的源代码仓库。",
  filter: "筛选软件包",
  count: "显示 {{shown}} / 共 {{total}} 个软件包",
  package: "软件包",
  packageVersion: "版本",
  licence: "许可证",
  source: "来源",
  close: "关闭",
};
