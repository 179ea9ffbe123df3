#!/usr/bin/env python3
"""Writes a starting corpus for oss_xml into corpus/oss_xml/ (git-ignored): one small, valid
answer per document (shapes from spec oss.md section 3), prefixed by the byte that selects its
parser. Optional: the fuzzer gets there from an empty corpus too, with oss_xml.dict, only
more slowly."""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'
BUCKET = ("<Bucket><Name>logs</Name><Location>oss-cn-hangzhou</Location><Region>cn-hangzhou</Region>"
          "<CreationDate>2025-01-15T08:30:00.000Z</CreationDate>"
          "<ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint>"
          "<StorageClass>Standard</StorageClass></Bucket>")
SEEDS = {
    "list_buckets": (0, "<ListAllMyBucketsResult><Owner><ID>1</ID></Owner><IsTruncated>true</IsTruncated>"
                        f"<NextMarker>logs</NextMarker><Buckets>{BUCKET}{BUCKET}</Buckets></ListAllMyBucketsResult>"),
    "bucket_info": (1, f"<BucketInfo>{BUCKET}</BucketInfo>"),
    "location": (2, "<LocationConstraint>oss-cn-hangzhou</LocationConstraint>"),
    "list_objects": (3, "<ListBucketResult><Name>logs</Name><Prefix>a%2F</Prefix><MaxKeys>100</MaxKeys>"
                        "<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>"
                        "<NextContinuationToken>CgJhYg--</NextContinuationToken>"
                        "<Contents><Key>a%2Fb.parquet</Key><LastModified>2025-01-15T08:30:00.000Z</LastModified>"
                        "<ETag>\"5B3C1A2E053D763E1B002CC607C5A0FE\"</ETag><Size>344606</Size></Contents>"
                        "<CommonPrefixes><Prefix>a%2Fc%2F</Prefix></CommonPrefixes></ListBucketResult>"),
    "error": (4, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                 "<RequestId>5C3D9175B6FC201293AD</RequestId><EC>0026-00000001</EC></Error>"),
}
folder = HERE / "corpus" / "oss_xml"
folder.mkdir(parents=True, exist_ok=True)
for name, (selector, xml) in SEEDS.items():
    (folder / name).write_bytes(bytes([selector]) + (PROLOG + xml).encode())
print("seeded", folder)
