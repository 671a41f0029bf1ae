/// Errors that end a request with a page the user understands.
public enum PortalError: Error, Equatable {
    /// A visitor asked for a page that needs an account; they go to the login page.
    case loginRequired(next: String)
    /// The user lacks the role or ownership the page needs.
    case forbidden
    /// The object named by the URL does not exist (or is not theirs to know about).
    case notFound
    /// The form or query cannot be used; the message says why, in French.
    case badRequest(String)
    /// The CSRF token is missing or wrong.
    case csrfRejected
}
