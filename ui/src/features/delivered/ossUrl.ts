/** `oss://bucket/key`, the way OSS tools name an object or a folder. */
export function ossUrl(bucket: string, key: string): string {
  return `oss://${bucket}/${key}`;
}
