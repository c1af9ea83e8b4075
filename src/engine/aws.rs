//! The boundary between the console (which speaks the AWS CLI) and the
//! simulated AWS services (which speak the AWS API).
//!
//! A call names an operation as the API does (`ChangeResourceRecordSets`) and
//! carries its input as the JSON the CLI builds from its arguments (botocore's
//! input shape, PascalCase keys). The output is the JSON the AWS CLI prints
//! for that operation; an error carries the API's error code and message, and
//! the console prints it as the CLI does:
//! `An error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: ...`.

use serde_json::Value;

use super::time::SimTime;

/// An error the service answers with: the code and message AWS would send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The AWS error code, e.g. `InvalidChangeBatch`, `NoSuchHostedZone`.
    pub code: String,
    /// The message exactly as AWS words it.
    pub message: String,
}

impl ApiError {
    /// An error with the given code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

/// What every call knows besides its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallContext {
    /// The simulated time of the call (for `SubmittedAt`, change status...).
    pub now: SimTime,
}

/// A simulated AWS service the console can call.
pub trait AwsApi {
    /// Runs `operation` of `service` (`route53`) with the CLI-built `input`.
    ///
    /// Unknown operations answer an `ApiError` with code `InvalidAction`.
    fn call(
        &mut self,
        service: &str,
        operation: &str,
        input: &Value,
        ctx: CallContext,
    ) -> Result<Value, ApiError>;
}
