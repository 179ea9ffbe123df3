//! Which API a request calls: RPC style by action and version (one endpoint serves STS, RAM
//! and ResourceManager, whose versions differ), ROA style by path for the Tablestore control
//! plane.

use axum::http::request::Parts;
use axum::http::Method;

use super::error::ApiError;

const STS: &str = "2015-04-01";
const RAM: &str = "2015-05-01";
const RESOURCE_MANAGER: &str = "2020-03-31";
const TABLESTORE: &str = "2020-12-09";

const LIST_INSTANCES_PATH: &str = "/v2/openapi/listinstances";
const GET_INSTANCE_PATH: &str = "/v2/openapi/getinstance";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    GetCallerIdentity,
    AssumeRole,
    ResourceManagerGetRole,
    CreateServiceLinkedRole,
    RamGetRole,
    ListInstances,
    GetInstance,
}

/// What the request says it calls, read before its signature is checked (V2 carries action
/// and version in signed query parameters, V3 in signed `x-acs-*` headers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requested {
    pub method: Method,
    pub path: String,
    pub action: Option<String>,
    pub version: Option<String>,
}

impl Requested {
    pub fn from_parts(parts: &Parts) -> Self {
        let query: Vec<(String, String)> = parts
            .uri
            .query()
            .and_then(|q| signing::parse_query_string(q).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        let from_query = |name: &str| {
            query
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let from_header = |name: &str| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (action, version) = match from_query("Action") {
            Some(action) => (Some(action), from_query("Version")),
            None => (from_header("x-acs-action"), from_header("x-acs-version")),
        };
        Self {
            method: parts.method.clone(),
            path: parts.uri.path().to_owned(),
            action,
            version,
        }
    }

    /// The name fault switches match (`GetCallerIdentity`, `ListInstances`, ...).
    pub fn operation(&self) -> &str {
        match self.path.as_str() {
            LIST_INSTANCES_PATH => "ListInstances",
            GET_INSTANCE_PATH => "GetInstance",
            _ => self.action.as_deref().unwrap_or("Unknown"),
        }
    }

    /// The product name for error `Recommend` links.
    pub fn product(&self) -> &'static str {
        match self.resolve() {
            Ok(api) => api.product(),
            Err(_) => "Sts",
        }
    }

    pub fn resolve(&self) -> Result<Api, ApiError> {
        let version = self.version.as_deref().unwrap_or_default();
        let action = self.action.as_deref().unwrap_or_default();
        let roa = match self.path.as_str() {
            LIST_INSTANCES_PATH => Some(Api::ListInstances),
            GET_INSTANCE_PATH => Some(Api::GetInstance),
            _ => None,
        };
        if let Some(api) = roa {
            return if self.method == Method::GET && version == TABLESTORE {
                Ok(api)
            } else {
                Err(ApiError::api_not_found(api.name(), version))
            };
        }
        if self.path != "/" {
            return Err(ApiError::api_not_found(&self.path, version));
        }
        match (action, version) {
            ("GetCallerIdentity", STS) => Ok(Api::GetCallerIdentity),
            ("AssumeRole", STS) => Ok(Api::AssumeRole),
            ("GetRole", RESOURCE_MANAGER) => Ok(Api::ResourceManagerGetRole),
            ("CreateServiceLinkedRole", RESOURCE_MANAGER) => Ok(Api::CreateServiceLinkedRole),
            ("GetRole", RAM) => Ok(Api::RamGetRole),
            _ => Err(ApiError::api_not_found(action, version)),
        }
    }
}

impl Api {
    pub fn name(self) -> &'static str {
        match self {
            Api::GetCallerIdentity => "GetCallerIdentity",
            Api::AssumeRole => "AssumeRole",
            Api::ResourceManagerGetRole | Api::RamGetRole => "GetRole",
            Api::CreateServiceLinkedRole => "CreateServiceLinkedRole",
            Api::ListInstances => "ListInstances",
            Api::GetInstance => "GetInstance",
        }
    }

    pub fn product(self) -> &'static str {
        match self {
            Api::GetCallerIdentity | Api::AssumeRole => "Sts",
            Api::ResourceManagerGetRole | Api::CreateServiceLinkedRole => "ResourceManager",
            Api::RamGetRole => "Ram",
            Api::ListInstances | Api::GetInstance => "Tablestore",
        }
    }

    /// The RAM action a policy must allow; `GetCallerIdentity` needs none.
    pub fn ram_action(self) -> Option<&'static str> {
        match self {
            Api::GetCallerIdentity => None,
            Api::AssumeRole => Some("sts:AssumeRole"),
            Api::ResourceManagerGetRole | Api::RamGetRole => Some("ram:GetRole"),
            Api::CreateServiceLinkedRole => Some("ram:CreateServiceLinkedRole"),
            Api::ListInstances => Some("ots:ListInstances"),
            Api::GetInstance => Some("ots:GetInstance"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn requested(request: Request<()>) -> Requested {
        Requested::from_parts(&request.into_parts().0)
    }

    #[test]
    fn v3_requests_are_routed_by_their_action_and_version_headers() {
        let request = Request::post("/")
            .header("x-acs-action", "GetRole")
            .header("x-acs-version", "2015-05-01")
            .body(())
            .expect("request");
        assert_eq!(requested(request).resolve(), Ok(Api::RamGetRole));
    }

    #[test]
    fn v2_requests_are_routed_by_their_signed_query_parameters() {
        let request = Request::post("/?Action=GetRole&Version=2020-03-31")
            .header("x-acs-action", "Ignored")
            .body(())
            .expect("request");
        let requested = requested(request);
        assert_eq!(requested.resolve(), Ok(Api::ResourceManagerGetRole));
        assert_eq!(requested.operation(), "GetRole");
    }

    #[test]
    fn roa_paths_need_get_and_the_tablestore_version() {
        let get = Request::get("/v2/openapi/listinstances?MaxResults=2")
            .header("x-acs-version", "2020-12-09")
            .body(())
            .expect("request");
        assert_eq!(requested(get).resolve(), Ok(Api::ListInstances));
        let post = Request::post("/v2/openapi/getinstance")
            .header("x-acs-version", "2020-12-09")
            .body(())
            .expect("request");
        assert_eq!(
            requested(post).resolve().expect_err("refused").code,
            "InvalidApi.NotFound"
        );
    }

    #[test]
    fn unknown_actions_are_not_found() {
        let request = Request::post("/?Action=DeleteRole&Version=2015-05-01")
            .body(())
            .expect("request");
        let error = requested(request).resolve().expect_err("refused");
        assert_eq!(
            (error.status.as_u16(), error.code.as_str()),
            (404, "InvalidApi.NotFound")
        );
    }
}
