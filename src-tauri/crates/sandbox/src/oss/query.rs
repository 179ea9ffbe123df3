//! Decoded query parameters, read the way OSS does: oss2 sends every list parameter, empty ones
//! as `name=`, so an empty value counts as absent.

use signing::QueryPairs;

use super::error::OssError;

#[derive(Debug, Default)]
pub struct Query(QueryPairs);

impl Query {
    pub fn parse(raw: Option<&str>) -> Result<Self, OssError> {
        signing::parse_query_string(raw.unwrap_or(""))
            .map(Self)
            .map_err(|_| {
                OssError::invalid_argument("The query string is not valid percent-encoded UTF-8.")
            })
    }

    /// Whether the parameter is present at all (sub-resource flags such as `?location=`).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// The name of the first parameter, if the query has any.
    pub fn first_name(&self) -> Option<&str> {
        self.0.first().map(|(n, _)| n.as_ref())
    }

    /// The non-empty value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
            .filter(|v| !v.is_empty())
    }

    /// `max-keys` (default 100) within 1..=1000, else `InvalidArgument`.
    pub fn max_keys(&self) -> Result<usize, OssError> {
        match self.get("max-keys") {
            None => Ok(100),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| {
                    OssError::invalid_parameter(
                        "max-keys",
                        text,
                        "Argument max-keys must be an integer between 1 and 1000.",
                    )
                }),
        }
    }

    /// Whether `encoding-type=url` was asked for; any other value is refused.
    pub fn url_encoding(&self) -> Result<bool, OssError> {
        match self.get("encoding-type") {
            None => Ok(false),
            Some("url") => Ok(true),
            Some(other) => Err(OssError::invalid_parameter(
                "encoding-type",
                other,
                "The encoding-type must be url.",
            )),
        }
    }
}
