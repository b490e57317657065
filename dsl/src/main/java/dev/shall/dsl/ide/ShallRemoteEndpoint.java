package dev.shall.dsl.ide;

import java.io.FileNotFoundException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * LSP4J's endpoint with the error responses of JSON-RPC 2.0 (section 5.1) and the lifecycle of
 * LSP 3.17 ("Server lifecycle"):
 * <ul>
 * <li>no error response carries a Java stack trace or exception in {@code data}: LSP4J puts the
 * stack trace of an internal error there, and the exception of a message it could not read; here
 * the message is one line and {@code data} is absent (the trace goes to the log on stderr);</li>
 * <li>a request before {@code initialize} is refused with ServerNotInitialized (-32002), a second
 * {@code initialize} and every request after {@code shutdown} with InvalidRequest (-32600);
 * notifications then are dropped, except {@code exit};</li>
 * <li>a request for a method the server does not have is MethodNotFound (-32601), a document
 * that is neither open nor on disk InvalidParams (-32602), a cancelled request RequestCancelled
 * (-32800);</li>
 * <li>a notification with invalid params, which cannot be answered, is reported to the client
 * with {@code window/logMessage}.</li>
 * </ul>
 */
public class ShallRemoteEndpoint extends RemoteEndpoint {

	/** The longest error message sent, in characters; the rest is cut. */
	static final int MAX_MESSAGE_CHARS = 500;

	private static final Logger LOG = Logger.getLogger(ShallRemoteEndpoint.class.getName());

	private final MessageConsumer out;
	private final Endpoint local;
	private final ServerLifecycle lifecycle;

	/**
	 * @param out the messages to the client
	 * @param local the language server
	 * @param lifecycle where the server is in its life
	 */
	public ShallRemoteEndpoint(MessageConsumer out, Endpoint local, ServerLifecycle lifecycle) {
		super(out, local, ShallRemoteEndpoint::toResponseError);
		this.out = out;
		this.local = local;
		this.lifecycle = lifecycle;
	}

	@Override
	protected void handleRequest(RequestMessage request) {
		if (lifecycle.isShutDown()) {
			reply(request.getRawId(), ResponseErrorCode.InvalidRequest, "The server is shut down: it accepts only the "
					+ "'exit' notification (LSP 3.17, Shutdown Request).");
		} else if ("initialize".equals(request.getMethod())) {
			if (lifecycle.initializing()) {
				super.handleRequest(request);
			} else {
				reply(request.getRawId(), ResponseErrorCode.InvalidRequest,
						"The server is already initialized: 'initialize' may be sent only once (LSP 3.17, Initialize Request).");
			}
		} else if (!lifecycle.isInitialized()) {
			reply(request.getRawId(), ResponseErrorCode.ServerNotInitialized,
					"The server is not initialized: the first request must be 'initialize' (LSP 3.17, Initialize Request).");
		} else {
			super.handleRequest(request);
		}
	}

	@Override
	protected void handleNotification(NotificationMessage notification) {
		String method = notification.getMethod();
		if (!"exit".equals(method) && (lifecycle.isShutDown() || !lifecycle.isInitialized())) {
			LOG.fine(() -> "dropped '" + method + "': the server is "
					+ (lifecycle.isShutDown() ? "shut down" : "not initialized"));
			return;
		}
		if (handleCancellation(notification)) {
			return;
		}
		try {
			local.notify(method, notification.getParams());
		} catch (RuntimeException | StackOverflowError e) {
			// a notification has no response to carry the failure: the client's log does
			LOG.log(Level.WARNING, "the '" + method + "' notification failed", e);
			Throwable cause = unwrap(e);
			String detail = firstLine(cause.getMessage());
			notify("window/logMessage", new MessageParams(MessageType.Error, shorten("The server could not handle the '"
					+ method + "' notification: " + cause.getClass().getSimpleName() + (detail.isEmpty() ? "" : ": "
					+ detail) + ".")));
		}
	}

	@Override
	protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
		reply(request.getRawId(), code(issues), describe(issues));
	}

	@Override
	protected void logIssues(Message message, List<MessageIssue> issues) {
		String method = message instanceof NotificationMessage notification ? notification.getMethod() : null;
		String text = "Ignored " + (method == null ? "a " + message.getClass().getSimpleName() : "the '" + method
				+ "' notification") + ": " + describe(issues);
		LOG.warning(text);
		if (method != null && lifecycle.isInitialized() && !lifecycle.isShutDown()) {
			notify("window/logMessage", new MessageParams(MessageType.Warning, text));
		}
	}

	/** Sends an error response; the id is null when the request's id could not be read (JSON-RPC 2.0, section 5). */
	void reply(Either<String, Number> id, ResponseErrorCode code, String message) {
		reply(id, code.getValue(), message);
	}

	void reply(Either<String, Number> id, int code, String message) {
		ResponseMessage response = new ResponseMessage();
		response.setJsonHandler(getJsonHandler());
		response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
		response.setRawId(id);
		response.setError(new ResponseError(code, shorten(message), null));
		try {
			out.consume(response);
		} catch (RuntimeException e) {
			LOG.log(Level.INFO, "could not send an error response", e);
		}
	}

	/**
	 * The error response for an exception of the language server: one line, no {@code data}.
	 * Internal errors are logged with their stack trace.
	 */
	static ResponseError toResponseError(Throwable throwable) {
		for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ResponseErrorException e) {
				ResponseError error = e.getResponseError();
				return new ResponseError(error.getCode(), shorten(error.getMessage()), isTrace(error.getData()) ? null
						: error.getData());
			}
			if (t instanceof CancellationException || t.getClass().getSimpleName().startsWith("OperationCanceled")) {
				return new ResponseError(ResponseErrorCode.RequestCancelled, "The request was cancelled.", null);
			}
			if (t instanceof FileNotFoundException || t instanceof NoSuchFileException) {
				return new ResponseError(ResponseErrorCode.InvalidParams,
						shorten("No such document: it is neither open nor on disk (" + firstLine(t.getMessage()) + ")."), null);
			}
		}
		Throwable cause = unwrap(throwable);
		if (cause instanceof UnsupportedOperationException) {
			return new ResponseError(ResponseErrorCode.MethodNotFound, "Method not supported by this server.", null);
		}
		LOG.log(Level.SEVERE, "internal error of the language server", throwable);
		String message = firstLine(cause.getMessage());
		return new ResponseError(ResponseErrorCode.InternalError, shorten("Internal error: "
				+ cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)), null);
	}

	private static Throwable unwrap(Throwable throwable) {
		Throwable t = throwable;
		while ((t instanceof CompletionException || t instanceof ExecutionException
				|| t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException)
				&& t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	private static boolean isTrace(Object data) {
		return data instanceof Throwable || data instanceof String s && s.contains("\tat ");
	}

	private static int code(List<MessageIssue> issues) {
		if (issues.stream().anyMatch(i -> i.getIssueCode() == ResponseErrorCode.ParseError.getValue())) {
			return ResponseErrorCode.ParseError.getValue();
		}
		if (issues.stream().allMatch(i -> i.getIssueCode() == ResponseErrorCode.InvalidParams.getValue())) {
			return ResponseErrorCode.InvalidParams.getValue();
		}
		return ResponseErrorCode.InvalidRequest.getValue();
	}

	private static String describe(List<MessageIssue> issues) {
		return issues.stream().map(MessageIssue::getText).collect(Collectors.joining("; "));
	}

	static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return (end < 0 ? message : message.substring(0, end)).strip();
	}

	static String shorten(String message) {
		String text = message == null ? "" : message;
		return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
	}
}
