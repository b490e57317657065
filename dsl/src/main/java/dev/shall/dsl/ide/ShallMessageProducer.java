package dev.shall.dsl.ide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * LSP4J's reader of the base protocol (LSP 3.17, "Base Protocol"), answering every message it
 * cannot read as JSON-RPC 2.0 (section 5.1) prescribes, where LSP4J only logs it:
 * <ul>
 * <li>text that is not JSON: ParseError (-32700), with a null id;</li>
 * <li>JSON that is not a request, notification or response (an array, a number, an object
 * without method or id): InvalidRequest (-32600), with its id if it has one;</li>
 * <li>a request whose params do not have the method's types: InvalidParams (-32602), with its id
 * (LSP4J says ParseError there, though the JSON parsed); a notification with bad params is
 * reported to the client instead, as it cannot be answered;</li>
 * <li>a header without a valid {@code Content-Length}, or an unknown charset: ParseError.</li>
 * </ul>
 */
public class ShallMessageProducer extends StreamMessageProducer {

	private static final Logger LOG = Logger.getLogger(ShallMessageProducer.class.getName());

	private final MessageJsonHandler jsonHandler;
	private final ShallRemoteEndpoint endpoint;
	private MessageConsumer callback;

	/**
	 * @param input the client's messages
	 * @param jsonHandler reads the messages' JSON
	 * @param endpoint answers what cannot be read
	 */
	public ShallMessageProducer(InputStream input, MessageJsonHandler jsonHandler, ShallRemoteEndpoint endpoint) {
		super(input, jsonHandler, endpoint);
		this.jsonHandler = jsonHandler;
		this.endpoint = endpoint;
	}

	@Override
	public void listen(MessageConsumer messageConsumer) {
		this.callback = messageConsumer;
		super.listen(messageConsumer);
	}

	@Override
	protected void fireError(Throwable error) {
		super.fireError(error);
		// the header loop's errors: no Content-Length, or one that is not a number
		if (error instanceof IllegalStateException && String.valueOf(error.getMessage()).startsWith("Missing header")) {
			endpoint.reply(null, ResponseErrorCode.ParseError,
					"Parse error: a message without a valid Content-Length header (LSP 3.17, Base Protocol).");
		}
	}

	@Override
	protected boolean handleMessage(InputStream input, Headers headers) {
		String content;
		try {
			byte[] bytes = input.readNBytes(headers.contentLength);
			Charset charset;
			try {
				charset = Charset.forName(headers.charset);
			} catch (IllegalArgumentException e) {
				endpoint.reply(null, ResponseErrorCode.ParseError, "Parse error: unknown charset '" + headers.charset
						+ "' in the Content-Type header (LSP 3.17, Base Protocol: utf-8).");
				return true;
			}
			content = new String(bytes, charset);
		} catch (IOException e) {
			LOG.log(Level.INFO, "the client's stream broke", e);
			return false;
		}
		Message message;
		try {
			message = jsonHandler.parseMessage(content);
		} catch (MessageIssueException e) {
			unreadable(e.getRpcMessage(), e.getIssues(), content);
			return true;
		} catch (RuntimeException e) {
			LOG.log(Level.FINE, "unreadable message", e);
			unreadable(content);
			return true;
		}
		if (message == null) {
			unreadable(content);
			return true;
		}
		try {
			callback.consume(message);
		} catch (MessageIssueException e) {
			endpoint.handle(e.getRpcMessage(), e.getIssues());
		} catch (RuntimeException e) {
			// keeps the reader alive, as LSP4J does: the message is lost, the connection is not
			fireError(e);
		}
		return true;
	}

	/** A message LSP4J could read in part: its method and id are known, its params or result are not. */
	private void unreadable(Message partial, List<MessageIssue> issues, String content) {
		boolean json = isJson(content);
		String detail = issues.isEmpty() ? "" : " (" + ShallRemoteEndpoint.firstLine(issues.get(0).getText()) + ")";
		if (partial instanceof RequestMessage request) {
			endpoint.reply(request.getRawId(), json ? ResponseErrorCode.InvalidParams : ResponseErrorCode.ParseError,
					json ? "Invalid params for '" + request.getMethod() + "': they do not have the method's types."
							: "Parse error: the message is not valid JSON" + detail + ".");
		} else if (partial instanceof ResponseMessage response && endpoint.resolveMethod(response.getId()) != null) {
			endpoint.handle(partial, issues); // a response to one of our requests: that request fails
		} else if (partial instanceof ResponseMessage response && !json) {
			// most likely a request cut short before its method: its id lets the client fail it
			endpoint.reply(response.getRawId(), ResponseErrorCode.ParseError,
					"Parse error: the message is not valid JSON" + detail + ".");
		} else if (partial instanceof NotificationMessage notification && json) {
			endpoint.handle(partial, List.of(new MessageIssue("its params do not have the method's types",
					ResponseErrorCode.InvalidParams.getValue())));
		} else {
			unreadable(content);
		}
	}

	/** A message of which nothing could be read: ParseError, or InvalidRequest if it is JSON. */
	private void unreadable(String content) {
		JsonElement json;
		try {
			json = JsonParser.parseString(content);
			if (content.isBlank()) {
				throw new JsonParseException("no JSON value"); // Gson reads nothing as null
			}
		} catch (JsonParseException e) {
			endpoint.reply(null, ResponseErrorCode.ParseError,
					"Parse error: the message is not valid JSON (JSON-RPC 2.0, section 5.1).");
			return;
		}
		endpoint.reply(idOf(json), ResponseErrorCode.InvalidRequest, "Invalid request: the JSON is not a request, "
				+ "notification or response object (JSON-RPC 2.0, section 4).");
	}

	private static boolean isJson(String content) {
		try {
			JsonParser.parseString(content);
			return !content.isBlank();
		} catch (JsonParseException e) {
			return false;
		}
	}

	/** The message's id if it has a string or number one, else null (JSON-RPC 2.0, section 5). */
	private static Either<String, Number> idOf(JsonElement json) {
		if (json.isJsonObject() && json.getAsJsonObject().get("id") instanceof JsonPrimitive id) {
			if (id.isString()) {
				return Either.forLeft(id.getAsString());
			}
			if (id.isNumber()) {
				return Either.forRight(id.getAsNumber());
			}
		}
		return null;
	}
}
