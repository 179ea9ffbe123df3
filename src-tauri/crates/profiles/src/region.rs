//! Region ids (`cn-hangzhou`) and the list of well-known ones the UI offers.
//!
//! Any id of the right shape is accepted, because Alibaba Cloud adds regions and not every
//! region offers Tablestore; the list is a convenience for the picker, not a rule.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use crate::string_serde::serde_as_parsed_string;

use crate::ProfileError;

/// A region id: lowercase segments of letters and digits joined by `-`, the first segment
/// letters only (`cn-hangzhou`, `ap-southeast-1`, `cn-shanghai-finance-1`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct Region(String);

impl Region {
    const MAX_LEN: usize = 40;

    pub fn parse(value: &str) -> Result<Self, ProfileError> {
        let invalid = |reason: &str| ProfileError::InvalidRegion {
            value: value.to_owned(),
            reason: reason.to_owned(),
        };
        if value.is_empty() {
            return Err(invalid("it is empty"));
        }
        if value.len() > Self::MAX_LEN {
            return Err(invalid("it is longer than any region id"));
        }
        if value.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(invalid("region ids are lowercase"));
        }
        let mut segments = value.split('-');
        let first = segments.next().unwrap_or_default();
        if first.len() < 2 || !first.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(invalid(
                "it must start with at least two letters, like 'cn' or 'ap'",
            ));
        }
        let mut rest = 0;
        for segment in segments {
            rest += 1;
            if segment.is_empty()
                || !segment
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                return Err(invalid(
                    "it must be words of letters and digits joined by single '-'",
                ));
            }
        }
        if rest == 0 {
            return Err(invalid(
                "it must have at least two parts, like 'cn-hangzhou'",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Region {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Region> for String {
    fn from(region: Region) -> Self {
        region.0
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.0)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A region the picker offers, with its names as the Alibaba Cloud console shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KnownRegion {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
}

/// Public-cloud regions, in the console's order. Compiled from the console's region names;
/// it is a convenience list, so a missing region only means the user types the id.
const KNOWN_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-hangzhou", "China (Hangzhou)", "华东1（杭州）"),
    ("cn-shanghai", "China (Shanghai)", "华东2（上海）"),
    ("cn-qingdao", "China (Qingdao)", "华北1（青岛）"),
    ("cn-beijing", "China (Beijing)", "华北2（北京）"),
    ("cn-zhangjiakou", "China (Zhangjiakou)", "华北3（张家口）"),
    ("cn-huhehaote", "China (Hohhot)", "华北5（呼和浩特）"),
    ("cn-wulanchabu", "China (Ulanqab)", "华北6（乌兰察布）"),
    ("cn-shenzhen", "China (Shenzhen)", "华南1（深圳）"),
    ("cn-heyuan", "China (Heyuan)", "华南2（河源）"),
    ("cn-guangzhou", "China (Guangzhou)", "华南3（广州）"),
    ("cn-chengdu", "China (Chengdu)", "西南1（成都）"),
    ("cn-hongkong", "China (Hong Kong)", "中国香港"),
    ("ap-northeast-1", "Japan (Tokyo)", "日本（东京）"),
    ("ap-northeast-2", "South Korea (Seoul)", "韩国（首尔）"),
    ("ap-southeast-1", "Singapore", "新加坡"),
    (
        "ap-southeast-3",
        "Malaysia (Kuala Lumpur)",
        "马来西亚（吉隆坡）",
    ),
    (
        "ap-southeast-5",
        "Indonesia (Jakarta)",
        "印度尼西亚（雅加达）",
    ),
    ("ap-southeast-6", "Philippines (Manila)", "菲律宾（马尼拉）"),
    ("ap-southeast-7", "Thailand (Bangkok)", "泰国（曼谷）"),
    ("us-east-1", "US (Virginia)", "美国（弗吉尼亚）"),
    ("us-west-1", "US (Silicon Valley)", "美国（硅谷）"),
    ("eu-west-1", "UK (London)", "英国（伦敦）"),
    ("eu-central-1", "Germany (Frankfurt)", "德国（法兰克福）"),
    ("me-east-1", "UAE (Dubai)", "阿联酋（迪拜）"),
    ("me-central-1", "Saudi Arabia (Riyadh)", "沙特（利雅得）"),
    (
        "cn-shanghai-finance-1",
        "China East 2 Finance",
        "华东2 金融云",
    ),
    (
        "cn-shenzhen-finance-1",
        "China South 1 Finance",
        "华南1 金融云",
    ),
];

/// The regions the UI's picker lists.
pub fn known_regions() -> Vec<KnownRegion> {
    KNOWN_REGIONS
        .iter()
        .map(|(id, en, zh)| KnownRegion {
            id: (*id).to_owned(),
            name_en: (*en).to_owned(),
            name_zh: (*zh).to_owned(),
        })
        .collect()
}

serde_as_parsed_string!(Region);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_region_shapes() {
        for id in [
            "cn-hangzhou",
            "ap-southeast-1",
            "cn-shanghai-finance-1",
            "us-west-1",
        ] {
            assert_eq!(Region::parse(id).expect(id).as_str(), id);
        }
    }

    #[test]
    fn rejects_other_shapes_with_the_rule_broken() {
        let cases = [
            ("", "it is empty"),
            ("cn", "at least two parts"),
            ("CN-Hangzhou", "lowercase"),
            ("cn--hangzhou", "joined by single '-'"),
            ("cn-hangzhou-", "joined by single '-'"),
            ("1-hangzhou", "at least two letters"),
            ("oss-cn hangzhou", "joined by single '-'"),
        ];
        for (input, expected) in cases {
            let error = Region::parse(input).expect_err(input);
            assert_eq!(error.code(), "invalid_region");
            assert!(error.to_string().contains(expected), "{input}: {error}");
        }
    }

    #[test]
    fn every_known_region_is_a_valid_region_listed_once() {
        let regions = known_regions();
        let mut ids: Vec<_> = regions.iter().map(|r| r.id.clone()).collect();
        for id in &ids {
            Region::parse(id).expect("known regions parse");
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), regions.len());
        assert_eq!(regions[0].id, "cn-hangzhou");
    }
}
