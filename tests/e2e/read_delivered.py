"""Reads one object a delivery task wrote to the app's sandbox, as an outside reader would.

The official oss2 SDK downloads it (signature-checked by the sandbox), pyarrow parses it, and
the Parquet schema and row count are printed as JSON for the end-to-end test to compare with
what was mapped in the window.

Usage: read_delivered.py OSS_ENDPOINT BUCKET KEY
"""

import io
import json
import sys

import oss2
import pyarrow.parquet as pq

# The sandbox's published demo key (not a secret: it only opens the local sandbox).
DEMO_KEY_ID = "LTAI5tSandboxDemoKey0001"
DEMO_KEY_SECRET = "SandboxDemoSecret000000000001"


def main() -> None:
    endpoint, bucket_name, key = sys.argv[1:4]
    bucket = oss2.Bucket(oss2.Auth(DEMO_KEY_ID, DEMO_KEY_SECRET), endpoint, bucket_name, enable_crc=True)
    data = bucket.get_object(key).read()
    table = pq.read_table(io.BytesIO(data))
    print(
        json.dumps(
            {
                "columns": table.schema.names,
                "types": [str(field.type) for field in table.schema],
                "rows": table.num_rows,
                "bytes": len(data),
            }
        )
    )


if __name__ == "__main__":
    main()
