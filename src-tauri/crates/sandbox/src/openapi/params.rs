//! An API call's business parameters: the query plus a form body, as both signature versions
//! carry them, with the required/optional lookups the handlers need.

use super::error::ApiError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            pairs: pairs.into_iter().collect(),
        }
    }

    /// The first value of `name`; an empty value counts as absent, as the SDKs drop nulls.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    pub fn require(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name).ok_or_else(|| ApiError::missing(name))
    }

    /// An optional integer; a value that is not one is `InvalidParameter.<name>`.
    pub fn integer(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.get(name)
            .map(|v| {
                v.parse::<i64>()
                    .map_err(|_| ApiError::invalid(name, "it must be an integer"))
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        )
    }

    #[test]
    fn empty_values_count_as_absent_and_the_first_value_wins() {
        let p = params(&[("A", ""), ("B", "1"), ("B", "2")]);
        assert_eq!(p.get("A"), None);
        assert_eq!(p.get("B"), Some("1"));
        assert_eq!(p.require("A").expect_err("refused").code, "MissingA");
    }

    #[test]
    fn integers_parse_or_name_the_parameter() {
        let p = params(&[("MaxResults", "20"), ("Bad", "x")]);
        assert_eq!(p.integer("MaxResults"), Ok(Some(20)));
        assert_eq!(p.integer("Absent"), Ok(None));
        assert_eq!(
            p.integer("Bad").expect_err("refused").code,
            "InvalidParameter.Bad"
        );
    }
}
