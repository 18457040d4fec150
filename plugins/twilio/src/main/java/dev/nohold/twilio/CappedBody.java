package dev.nohold.twilio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap: a body that announces more, or sends more, ends the download there
 * (the JDK's own limiting subscriber came only with Java 25).
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("the media is larger than the " + cap + " bytes taken");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap) {
        this.cap = cap;
    }

    /** The subscriber for a response; one that announces a length beyond the cap is refused before any byte is read. */
    static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long cap) {
        OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && announced.getAsLong() > cap) {
            return failed(cap);
        }
        return new CappedBody(cap);
    }

    private static HttpResponse.BodySubscriber<byte[]> failed(long cap) {
        CappedBody body = new CappedBody(cap);
        body.result.completeExceptionally(new TooLarge(cap));
        return body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        this.subscription = given;
        if (result.isDone()) {
            given.cancel();
        } else {
            given.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > cap) {
                result.completeExceptionally(new TooLarge(cap));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
