//! Tablestore data-plane signatures: requests (V2 `x-ots-signature`, V4 `x-ots-signaturev4`)
//! and responses (`authorization: OTS ak:sig`), matching `tablestore==6.4.8`.

mod canonical;
mod key;
mod request;
mod response;

pub use key::TablestoreSigningKey;
pub use request::{
    request_headers, sign_request, verify_request, TablestoreVersion, VerifiedTablestoreRequest,
};
pub use response::{sign_response, verify_response};
