//! OSS error answers: status, `Code`, `Message`, the `EC` detail code and operation-specific
//! extras, written as the service's `<Error>` XML (or, for HEAD, base64 in `x-oss-err`).

use axum::http::StatusCode;

use super::xml::XmlWriter;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OssError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// The service's error detail code, where known.
    pub ec: Option<&'static str>,
    /// Extra child elements of `<Error>`, e.g. `BucketName`, `Key`, `OSSAccessKeyId`.
    pub extras: Vec<(&'static str, String)>,
}

impl OssError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            ec: None,
            extras: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_ec(mut self, ec: &'static str) -> Self {
        self.ec = Some(ec);
        self
    }

    #[must_use]
    pub fn with_extra(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.extras.push((name, value.into()));
        self
    }

    pub fn no_such_bucket(bucket: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NoSuchBucket",
            "The specified bucket does not exist.",
        )
        .with_ec("0015-00000101")
        .with_extra("BucketName", bucket)
    }

    /// DeleteBucket on a bucket that still holds objects (the service's EC for it is not
    /// known, so none is sent).
    pub fn bucket_not_empty(bucket: &str) -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "BucketNotEmpty",
            "The bucket you tried to delete is not empty.",
        )
        .with_extra("BucketName", bucket)
    }

    pub fn no_such_key(key: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NoSuchKey",
            "The specified key does not exist.",
        )
        .with_ec("0026-00000001")
        .with_extra("Key", key)
    }

    pub fn access_denied(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "AccessDenied", message)
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidArgument", message)
    }

    /// An `InvalidArgument` naming the parameter and the value refused.
    pub fn invalid_parameter(name: &str, value: &str, message: impl Into<String>) -> Self {
        Self::invalid_argument(message)
            .with_extra("ArgumentName", name)
            .with_extra("ArgumentValue", value)
    }

    pub fn invalid_bucket_name(bucket: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidBucketName",
            "The specified bucket is not valid.",
        )
        .with_extra("BucketName", bucket)
    }

    pub fn invalid_object_name(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidObjectName", message)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
        )
    }

    pub fn not_implemented(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_IMPLEMENTED,
            "NotImplemented",
            format!("The sandbox does not implement {what}."),
        )
    }

    /// The body of a non-HEAD error answer.
    pub fn to_xml(&self, request_id: &str, host_id: &str) -> String {
        let mut xml = XmlWriter::new();
        xml.open("Error")
            .element("Code", self.code)
            .element("Message", &self.message)
            .element("RequestId", request_id)
            .element("HostId", host_id);
        for (name, value) in &self.extras {
            xml.element(name, value);
        }
        if let Some(ec) = self.ec {
            xml.element("EC", ec);
        }
        xml.close("Error");
        xml.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_xml_carries_code_message_ids_extras_and_ec() {
        let xml = OssError::no_such_key("a/b.txt").to_xml("ABC", "b.oss-cn-hangzhou.aliyuncs.com");
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>\
             <Message>The specified key does not exist.</Message><RequestId>ABC</RequestId>\
             <HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId><Key>a/b.txt</Key>\
             <EC>0026-00000001</EC></Error>"
        );
    }
}
