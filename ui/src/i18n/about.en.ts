// English strings of the About box.
export const aboutEn = {
  open: "About",
  title: "About Tablestore Delivery Studio",
  version: "Version {{version}}",
  lead: "This app ships the open-source packages below; each keeps its own licence. The full licence texts are at each package's source.",
  filter: "Filter packages",
  count: "{{shown}} of {{total}} packages",
  package: "Package",
  packageVersion: "Version",
  licence: "Licence",
  source: "Source",
  close: "Close",
};
