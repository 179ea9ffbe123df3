export { appInfo, setLocale } from "./app";
export { CommandFailed } from "./invoke";
