package dev.shall.dsl.ide;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;

/**
 * LSP4J's validator of the client's messages, which checks that every field the protocol requires
 * ({@link NonNull} in LSP4J's classes) is there, so that a request without them is answered
 * InvalidParams (-32602) instead of failing inside the server. Added: params missing altogether
 * where the method's params have required fields, and InvalidRequest (-32600) for a message that
 * lacks its own required fields, such as {@code "jsonrpc": "2.0"} (JSON-RPC 2.0, section 4).
 * Left out: the params of {@code initialize}, whose missing fields (even {@code capabilities})
 * Xtext takes as absent capabilities.
 */
final class ShallMessageValidator extends ReflectiveMessageValidator {

	private final MessageJsonHandler jsonHandler;

	ShallMessageValidator(MessageJsonHandler jsonHandler, MessageConsumer delegate) {
		super(delegate);
		this.jsonHandler = jsonHandler;
	}

	@Override
	protected List<MessageIssue> validate(Object object) {
		List<MessageIssue> issues = new ArrayList<>();
		boolean initialize = object instanceof RequestMessage request && "initialize".equals(request.getMethod());
		for (MessageIssue issue : super.validate(object)) {
			boolean ofParams = issue.getText().contains("Path: $.params");
			if (ofParams && initialize) {
				continue; // Xtext copes with what is missing there, and refusing would lock the client out
			}
			issues.add(ofParams || issue.getIssueCode() != ResponseErrorCode.InvalidParams.getValue() ? issue
					: new MessageIssue(issue.getText(), ResponseErrorCode.InvalidRequest.getValue()));
		}
		String method = object instanceof RequestMessage request ? request.getMethod()
				: object instanceof NotificationMessage notification ? notification.getMethod() : null;
		Object params = object instanceof RequestMessage request ? request.getParams()
				: object instanceof NotificationMessage notification ? notification.getParams() : null;
		if (method != null && params == null && requiresParams(jsonHandler.getJsonRpcMethod(method))) {
			issues.add(new MessageIssue("Missing params: '" + method + "' requires them.",
					ResponseErrorCode.InvalidParams.getValue()));
		}
		return issues;
	}

	/** Whether the method takes params with a required field. */
	private static boolean requiresParams(JsonRpcMethod method) {
		if (method == null || method.getParameterTypes().length != 1) {
			return false;
		}
		Type type = method.getParameterTypes()[0];
		if (!(type instanceof Class<?> params)) {
			return false;
		}
		for (Method accessor : params.getMethods()) {
			if (accessor.getParameterCount() == 0 && accessor.isAnnotationPresent(NonNull.class)) {
				return true;
			}
		}
		return false;
	}
}
