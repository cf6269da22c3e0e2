import NIOCore

/// A command waiting to be written, with the promise its reply completes.
struct RedisRequest {
    let arguments: [RedisArgument]
    let promise: EventLoopPromise<RESPValue>
}

/// Pipelines commands on one connection: replies arrive in the order commands were written, so
/// each reply completes the oldest waiting promise.
final class RedisCommandHandler: ChannelDuplexHandler {
    typealias InboundIn = RESPValue
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<RESPValue>>()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        waiting.append(request.promise)
        var buffer = context.channel.allocator.buffer(capacity: 64)
        RESPEncoder.encode(command: request.arguments, into: &buffer)
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let promise = waiting.popFirst() else {
            // A reply nobody asked for: the stream can't be trusted any more.
            context.close(promise: nil)
            return
        }
        promise.succeed(unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(RedisError.unavailable("\(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RedisError.unavailable("the connection closed"))
        context.fireChannelInactive()
    }

    private func failAll(_ error: RedisError) {
        while let promise = waiting.popFirst() {
            promise.fail(error)
        }
    }
}
