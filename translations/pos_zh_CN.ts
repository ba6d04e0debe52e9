<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcquirerSetup</name>
    <message>
        <source>The setting personalDataKeyStore=%1 is not auto, keyring or file.</source>
        <translation>设置 personalDataKeyStore=%1 无效，只能是 auto、keyring 或 file。</translation>
    </message>
</context>
<context>
    <name>EscPosBuilder</name>
    <message>
        <source>The receipt contains data the printer cannot print.</source>
        <translation>小票中含有打印机无法打印的内容。</translation>
    </message>
    <message>
        <source>Chinese text cannot be encoded for the printer.</source>
        <translation>中文内容无法转换为打印机编码。</translation>
    </message>
</context>
<context>
    <name>PrinterProfiles</name>
    <message>
        <source>The printer profile data is damaged.</source>
        <translation>打印机型号数据已损坏。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Printing is not available.</source>
        <translation>打印功能不可用。</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>The stored receipt could not be read.</source>
        <translation>无法读取已保存的小票。</translation>
    </message>
</context>
<context>
    <name>ReceiptRenderer</name>
    <message>
        <source>The receipt logo does not fit this printer.</source>
        <translation>小票标志图超出此打印机的宽度。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::AcquirerLink</name>
    <message>
        <source>The request to the acquirer could not be framed.</source>
        <translation>发往收单机构的报文无法组帧。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ActivationClient</name>
    <message>
        <source>The activation code, the PIN pad serial number and its public key are all needed.</source>
        <translation>激活码、密码键盘序列号及其公钥缺一不可。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ActivationTerms</name>
    <message>
        <source>The acquirer sent activation terms this terminal cannot read.</source>
        <translation>收单机构发送的激活参数此终端无法读取。</translation>
    </message>
    <message>
        <source>The activation terms could not be written.</source>
        <translation>无法写入激活参数。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ApiAnswer</name>
    <message>
        <source>The acquirer&apos;s answer could not be read. The outcome is unknown.</source>
        <translation>无法读取收单机构的应答，结果未知。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ApiClient</name>
    <message>
        <source>The acquirer could not be reached. Nothing was sent.</source>
        <translation>无法连接收单机构。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s answer did not arrive or could not be trusted. The outcome is unknown.</source>
        <translation>收单机构的应答未到达或不可信，结果未知。</translation>
    </message>
    <message>
        <source>The request to the acquirer could not be prepared.</source>
        <translation>无法生成发往收单机构的请求。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ApiResponses</name>
    <message>
        <source>The acquirer sent an answer this terminal cannot read.</source>
        <translation>收单机构返回了本终端无法识别的应答。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::ApiSigner</name>
    <message>
        <source>The acquirer&apos;s answer could not be verified.</source>
        <translation>无法验证收单机构的应答。</translation>
    </message>
    <message>
        <source>No random numbers are available for the acquirer request.</source>
        <translation>无法为收单请求生成随机数。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::CardEngine</name>
    <message>
        <source>Another card transaction is still running. Wait for it to finish.</source>
        <translation>另一笔银行卡交易仍在进行，请等待其完成。</translation>
    </message>
    <message>
        <source>Signing on with the acquirer failed: %1</source>
        <translation>向收单机构签到失败：%1</translation>
    </message>
    <message>
        <source>The acquirer refused the sign-on (code %1).</source>
        <translation>收单机构拒绝签到（应答码 %1）。</translation>
    </message>
    <message>
        <source>A reversal is still waiting for the acquirer. Card payments resume once it is confirmed; check the network.</source>
        <translation>仍有一笔冲正等待收单机构确认。确认后才能继续刷卡收款，请检查网络。</translation>
    </message>
    <message>
        <source>Only an approved card payment can be voided or refunded.</source>
        <translation>只有已批准的刷卡交易才能撤销或退货。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s answer failed its security check.</source>
        <translation>收单机构的应答未通过安全校验。</translation>
    </message>
    <message>
        <source>The acquirer did not confirm the settlement. Try again; nothing is lost.</source>
        <translation>收单机构未确认结算。请重试，数据不会丢失。</translation>
    </message>
    <message>
        <source>The acquirer refused the settlement (code %1).</source>
        <translation>收单机构拒绝结算（应答码 %1）。</translation>
    </message>
    <message>
        <source>The batch upload to the acquirer was interrupted. Settle again to finish it.</source>
        <translation>向收单机构的批上送中断，请重新结算以完成。</translation>
    </message>
    <message>
        <source>The acquirer refused the network message (%1) with code %2.</source>
        <translation>收单机构拒绝了网络管理报文（%1），应答码 %2。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::CardMessages</name>
    <message>
        <source>The card request could not be built.</source>
        <translation>无法生成银行卡交易请求。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s answer does not belong to this request.</source>
        <translation>收单机构的应答与本次请求不匹配。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::CupMac</name>
    <message>
        <source>There is no data to compute a MAC over.</source>
        <translation>没有可计算 MAC 的数据。</translation>
    </message>
    <message>
        <source>The MAC key has the wrong length.</source>
        <translation>MAC 密钥长度错误。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::Iso8583Text</name>
    <message>
        <source>The acquirer sent a malformed message.</source>
        <translation>收单机构发来的报文格式错误。</translation>
    </message>
    <message>
        <source>The message for the acquirer could not be built.</source>
        <translation>无法生成发往收单机构的报文。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::LinkConfig</name>
    <message>
        <source>The acquirer CA file %1 cannot be read.</source>
        <translation>无法读取收单机构 CA 证书文件 %1。</translation>
    </message>
    <message>
        <source>The acquirer CA file %1 holds no PEM certificate.</source>
        <translation>收单机构 CA 证书文件 %1 中没有 PEM 证书。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::LinkFailure</name>
    <message>
        <source>The acquirer host did not answer in time. Nothing was sent.</source>
        <translation>收单主机未及时响应连接。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer host refused the connection. Nothing was sent.</source>
        <translation>收单主机拒绝连接。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer host name could not be resolved. Nothing was sent.</source>
        <translation>无法解析收单主机域名。未发送任何数据。</translation>
    </message>
    <message>
        <source>The connection to the acquirer failed. Nothing was sent.</source>
        <translation>连接收单机构失败。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s certificate is not trusted. Nothing was sent.</source>
        <translation>收单机构的证书不受信任。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s certificate has expired. Nothing was sent.</source>
        <translation>收单机构的证书已过期。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s certificate is not valid yet; check the terminal&apos;s date and time. Nothing was sent.</source>
        <translation>收单机构的证书尚未生效，请检查本机日期和时间。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s certificate is for another host name. Nothing was sent.</source>
        <translation>收单机构的证书属于其他主机名。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s certificate was refused. Nothing was sent.</source>
        <translation>收单机构的证书被拒绝。未发送任何数据。</translation>
    </message>
    <message>
        <source>No secure connection (TLS 1.2 or newer) to the acquirer could be established. Nothing was sent.</source>
        <translation>无法与收单机构建立安全连接（TLS 1.2 或更高版本）。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer refused this terminal&apos;s certificate. The request was not processed.</source>
        <translation>收单机构拒绝了本终端的证书，请求未被处理。</translation>
    </message>
    <message>
        <source>Sending to the acquirer timed out. The outcome is unknown.</source>
        <translation>向收单机构发送超时，交易结果未知。</translation>
    </message>
    <message>
        <source>The acquirer did not respond in time. The outcome is unknown.</source>
        <translation>收单机构未及时应答，交易结果未知。</translation>
    </message>
    <message>
        <source>The connection to the acquirer was lost before the response. The outcome is unknown.</source>
        <translation>收到应答前与收单机构的连接已断开，交易结果未知。</translation>
    </message>
    <message>
        <source>The acquirer sent a malformed message.</source>
        <translation>收单机构发来的报文格式错误。</translation>
    </message>
    <message>
        <source>Another exchange with the acquirer is still in progress.</source>
        <translation>与收单机构的另一次通讯仍在进行。</translation>
    </message>
    <message>
        <source>The exchange with the acquirer was cancelled after the request was sent. The outcome is unknown.</source>
        <translation>请求发出后通讯被取消，交易结果未知。</translation>
    </message>
    <message>
        <source>The exchange with the acquirer was cancelled. Nothing was sent.</source>
        <translation>与收单机构的通讯已取消。未发送任何数据。</translation>
    </message>
    <message>
        <source>The acquirer link failed.</source>
        <translation>收单通讯失败。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::OnboardingClient</name>
    <message>
        <source>Only non-empty JPEG, PNG or PDF documents can be uploaded.</source>
        <translation>只能上传非空的 JPEG、PNG 或 PDF 文件。</translation>
    </message>
    <message>
        <source>The application is incomplete and was not sent.</source>
        <translation>申请资料不完整，未提交。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::PinBlock</name>
    <message>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密码必须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>The card number must be 8 to 19 digits.</source>
        <translation>卡号必须为 8 至 19 位数字。</translation>
    </message>
    <message>
        <source>The PIN block is not valid for this card.</source>
        <translation>该密码块与此卡不符。</translation>
    </message>
    <message>
        <source>The PIN block has the wrong length.</source>
        <translation>密码块长度错误。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::QrPaymentFlow</name>
    <message>
        <source>A QR payment is already in progress.</source>
        <translation>已有一笔扫码支付正在进行。</translation>
    </message>
    <message>
        <source>The QR payment amount must be between 0.01 and 1,000,000 yuan.</source>
        <translation>扫码支付金额必须在 0.01 元至 1,000,000 元之间。</translation>
    </message>
    <message>
        <source>This is not a WeChat, Alipay or UnionPay payment code.</source>
        <translation>这不是微信、支付宝或银联的付款码。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::SchemeCipher</name>
    <message>
        <source>The key has the wrong length.</source>
        <translation>密钥长度错误。</translation>
    </message>
    <message>
        <source>The check value length is out of range.</source>
        <translation>校验值长度超出范围。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::SoftwareKeyStore</name>
    <message>
        <source>The work keys from the acquirer failed their check. Sign on again.</source>
        <translation>收单机构下发的工作密钥校验失败，请重新签到。</translation>
    </message>
    <message>
        <source>No track key is installed. Sign on with track encryption first.</source>
        <translation>尚未安装磁道密钥，请先以磁道加密方式签到。</translation>
    </message>
    <message>
        <source>No work keys are installed. Sign on first.</source>
        <translation>尚未安装工作密钥，请先签到。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::TrackEncryption</name>
    <message>
        <source>The track data cannot be encrypted or decrypted.</source>
        <translation>磁道数据无法加密或解密。</translation>
    </message>
</context>
<context>
    <name>pos::acquirer::WorkKeys</name>
    <message>
        <source>The master key does not match the key algorithm of the sign-on.</source>
        <translation>主密钥与签到所用的密钥算法不符。</translation>
    </message>
    <message>
        <source>The master key has the wrong length.</source>
        <translation>主密钥长度错误。</translation>
    </message>
    <message>
        <source>A work key has the wrong length.</source>
        <translation>工作密钥长度错误。</translation>
    </message>
    <message>
        <source>The work-key block of the sign-on response has the wrong length.</source>
        <translation>签到应答中的工作密钥数据长度错误。</translation>
    </message>
    <message>
        <source>There are no work keys to send.</source>
        <translation>没有可下发的工作密钥。</translation>
    </message>
</context>
<context>
    <name>pos::activation::AcquirerAgreement</name>
    <message>
        <source>The acquirer did not send its agreement (%1). Try again later.</source>
        <translation>收单机构未发送协议（%1），请稍后重试。</translation>
    </message>
</context>
<context>
    <name>pos::activation::ActivationService</name>
    <message>
        <source>The acquirer does not know this activation code. Check it against the approval message (8 letters and digits).</source>
        <translation>收单机构无法识别此激活码。请对照审核通过通知核对（8 位字母和数字）。</translation>
    </message>
    <message>
        <source>This activation code was already used with another PIN pad. Connect that PIN pad, or ask the acquirer for a new code.</source>
        <translation>此激活码已在另一台密码键盘上使用。请连接该密码键盘，或向收单机构申请新的激活码。</translation>
    </message>
    <message>
        <source>The acquirer refused this PIN pad&apos;s key. The PIN pad cannot be used with this acquirer; contact its support.</source>
        <translation>收单机构拒绝了此密码键盘的密钥。此密码键盘无法用于该收单机构，请联系其客服。</translation>
    </message>
    <message>
        <source>The acquirer refused the activation (%1).</source>
        <translation>收单机构拒绝了激活（%1）。</translation>
    </message>
    <message>
        <source>The PIN was wrong. Try again with the right PIN (several wrong PINs lock the card).</source>
        <translation>密码错误。请输入正确的密码重试（多次输错将锁卡）。</translation>
    </message>
    <message>
        <source>The card has expired. Use another card.</source>
        <translation>此卡已过期，请换一张卡。</translation>
    </message>
    <message>
        <source>This card is reported lost or stolen and cannot be used. Use another card.</source>
        <translation>此卡已挂失或被盗，无法使用。请换一张卡。</translation>
    </message>
    <message>
        <source>The card number is not valid for the bank. Use another card.</source>
        <translation>卡号无效，请换一张卡。</translation>
    </message>
    <message>
        <source>The card could not be verified. Insert or tap it again, or use another card.</source>
        <translation>无法验证此卡。请重新插卡或挥卡，或换一张卡。</translation>
    </message>
    <message>
        <source>The card is over its limit. Use another card.</source>
        <translation>此卡已超出限额，请换一张卡。</translation>
    </message>
    <message>
        <source>The bank&apos;s system did not answer. Wait a minute and swipe again.</source>
        <translation>银行系统无响应。请稍等一分钟后重新刷卡。</translation>
    </message>
    <message>
        <source>The acquirer does not allow this transaction on this terminal yet. Contact its support.</source>
        <translation>收单机构暂不允许此终端进行该交易，请联系其客服。</translation>
    </message>
    <message>
        <source>The security check with the bank failed; the terminal signs on again. Swipe again.</source>
        <translation>与银行的安全校验失败，终端将重新签到。请重新刷卡。</translation>
    </message>
    <message>
        <source>The bank declined the card (code %1). Use another card.</source>
        <translation>发卡行拒绝了此卡（代码 %1），请换一张卡。</translation>
    </message>
    <message>
        <source>An activation code has 8 letters and digits (no I, O, 0 or 1).</source>
        <translation>激活码由 8 位字母和数字组成（不含 I、O、0 和 1）。</translation>
    </message>
    <message>
        <source>Reading the PIN pad…</source>
        <translation>正在读取密码键盘…</translation>
    </message>
    <message>
        <source>Signing on with the acquirer…</source>
        <translation>正在向收单机构签到…</translation>
    </message>
    <message>
        <source>Printing the activation slip…</source>
        <translation>正在打印激活凭条…</translation>
    </message>
    <message>
        <source>The PIN pad did not answer: %1 Connect it (Devices page) and try again.</source>
        <translation>密码键盘无响应：%1 请连接密码键盘（“设备”页面）后重试。</translation>
    </message>
    <message>
        <source>The PIN pad reports tampering and must not be used. Contact the acquirer.</source>
        <translation>密码键盘报告被拆机，禁止使用。请联系收单机构。</translation>
    </message>
    <message>
        <source>This terminal is being activated with PIN pad %1, but PIN pad %2 is connected. Connect PIN pad %1.</source>
        <translation>此终端正在使用密码键盘 %1 激活，但当前连接的是密码键盘 %2。请连接密码键盘 %1。</translation>
    </message>
    <message>
        <source>Registering the terminal with the acquirer…</source>
        <translation>正在向收单机构登记终端…</translation>
    </message>
    <message>
        <source>%1 Nothing is lost: try again, the same code is used.</source>
        <translation>%1 数据不会丢失：请重试，仍使用同一激活码。</translation>
    </message>
    <message>
        <source>Loading the terminal master key into the PIN pad…</source>
        <translation>正在向密码键盘灌装终端主密钥…</translation>
    </message>
    <message>
        <source>The master key check value (KCV) did not match: the key was not loaded. Try again; if it happens again, contact the acquirer.</source>
        <translation>主密钥校验值（KCV）不符，密钥未灌装。请重试；如仍出现，请联系收单机构。</translation>
    </message>
    <message>
        <source>The PIN pad could not load the master key: %1</source>
        <translation>密码键盘无法灌装主密钥：%1</translation>
    </message>
    <message>
        <source>Sign-on failed: %1 Try again.</source>
        <translation>签到失败：%1 请重试。</translation>
    </message>
    <message>
        <source>The working keys from the acquirer failed their check (KCV) and were not used. Try again; if it happens again, contact the acquirer.</source>
        <translation>收单机构下发的工作密钥校验（KCV）失败，未使用。请重试；如仍出现，请联系收单机构。</translation>
    </message>
    <message>
        <source>the working keys failed their check.</source>
        <translation>工作密钥校验失败。</translation>
    </message>
    <message>
        <source>Swipe, insert or tap a card on the PIN pad…</source>
        <translation>请在密码键盘上刷卡、插卡或挥卡…</translation>
    </message>
    <message>
        <source>Activation: present a card</source>
        <translation>激活：请刷卡</translation>
    </message>
    <message>
        <source>The card reading was cancelled.</source>
        <translation>已取消读卡。</translation>
    </message>
    <message>
        <source>No card was read: %1</source>
        <translation>未读到卡：%1</translation>
    </message>
    <message>
        <source>Enter the card&apos;s PIN on the PIN pad…</source>
        <translation>请在密码键盘上输入银行卡密码…</translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation>输入密码</translation>
    </message>
    <message>
        <source>The PIN entry was cancelled.</source>
        <translation>已取消密码输入。</translation>
    </message>
    <message>
        <source>No PIN was entered: %1</source>
        <translation>未输入密码：%1</translation>
    </message>
    <message>
        <source>Waiting for the bank to approve the activation…</source>
        <translation>正在等待银行批准激活…</translation>
    </message>
    <message>
        <source>The activation was not sent: %1 Swipe again.</source>
        <translation>激活请求未发送：%1 请重新刷卡。</translation>
    </message>
    <message>
        <source>The acquirer could not be reached; nothing was sent. Check the network and swipe again.</source>
        <translation>无法连接收单机构，未发送任何数据。请检查网络后重新刷卡。</translation>
    </message>
    <message>
        <source>The bank did not answer in time, so the activation was cancelled (reversed). Swipe again.</source>
        <translation>银行未及时响应，激活已取消（已冲正）。请重新刷卡。</translation>
    </message>
    <message>
        <source>The bank did not answer in time. The cancellation will be sent as soon as the connection is back; then swipe again.</source>
        <translation>银行未及时响应。网络恢复后将自动发送冲正，然后请重新刷卡。</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s (retry %3 of %4)…</source>
        <translation>%1 %2 秒后重试（第 %3 次，共 %4 次）…</translation>
    </message>
    <message>
        <source>Stopped before trying again. Nothing is lost: press Try again when the network is back.</source>
        <translation>已停止重试。没有任何数据丢失：网络恢复后请点“重试”。</translation>
    </message>
    <message>
        <source>Stopped waiting for the acquirer. Nothing is lost: Try again asks again with the same code, and no second terminal is registered.</source>
        <translation>已停止等待收单机构的答复。没有任何数据丢失：“重试”会用同一激活码再次请求，不会重复登记终端。</translation>
    </message>
</context>
<context>
    <name>pos::activation::ActivationSlip</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Terminal activation slip</source>
        <translation>终端激活凭条</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>终端号</translation>
    </message>
    <message>
        <source>PIN pad</source>
        <translation>密码键盘</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>已激活</translation>
    </message>
    <message>
        <source>Single limit</source>
        <translation>单笔限额</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>日累计限额</translation>
    </message>
    <message>
        <source>%1, at most %2</source>
        <translation>%1，最高 %2</translation>
    </message>
    <message>
        <source>Fee (%1)</source>
        <translation>手续费（%1）</translation>
    </message>
    <message>
        <source>This terminal is activated. Keep this slip.</source>
        <translation>终端已激活，请妥善保管此凭条。</translation>
    </message>
</context>
<context>
    <name>pos::activation::AttachmentFile</name>
    <message>
        <source>%1 could not be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB. Scan it at a lower resolution.</source>
        <translation>%1 超过 %2 MiB，请降低分辨率重新扫描。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or PDF file.</source>
        <translation>%1 不是 JPEG、PNG 或 PDF 文件。</translation>
    </message>
</context>
<context>
    <name>pos::activation::ChoosingKeyVault</name>
    <message>
        <source>The personal data key is kept in the desktop keyring (%1), but the settings ask for a key file. A new key file was not created: data sealed under the keyring&apos;s key would become unreadable. Set personalDataKeyStore to auto or keyring.</source>
        <translation>个人数据密钥保存在桌面密钥环（%1）中，但设置要求使用密钥文件。未创建新的密钥文件：否则用密钥环中密钥加密的数据将无法读取。请将 personalDataKeyStore 设为 auto 或 keyring。</translation>
    </message>
    <message>
        <source>The personal data key is the file %1, but the settings ask for the desktop keyring. The keyring was not used: data sealed under the file&apos;s key would become unreadable. Set personalDataKeyStore to auto or file.</source>
        <translation>个人数据密钥是文件 %1，但设置要求使用桌面密钥环。未使用密钥环：否则用该文件中密钥加密的数据将无法读取。请将 personalDataKeyStore 设为 auto 或 file。</translation>
    </message>
    <message>
        <source>The desktop keyring holding the personal data key is locked or not running; unlock it and retry.</source>
        <translation>保存个人数据密钥的桌面密钥环已锁定或未运行；请解锁后重试。</translation>
    </message>
    <message>
        <source>The personal data key could not be read.</source>
        <translation>无法读取个人数据密钥。</translation>
    </message>
    <message>
        <source>The record of where the personal data key is kept (%1) is damaged. No key was used or created.</source>
        <translation>个人数据密钥存放位置的记录（%1）已损坏。未使用也未创建任何密钥。</translation>
    </message>
    <message>
        <source>The desktop keyring no longer holds the personal data key recorded in %1. No new key was created: data sealed under the old one would become unreadable.</source>
        <translation>桌面密钥环中已没有 %1 中记录的个人数据密钥。未创建新密钥：否则用原密钥加密的数据将无法读取。</translation>
    </message>
    <message>
        <source>The desktop keyring holds a different personal data key than the one recorded in %1. It was not used.</source>
        <translation>桌面密钥环中的个人数据密钥与 %1 中记录的不同，未使用该密钥。</translation>
    </message>
    <message>
        <source>The personal data key could not be recorded in %1.</source>
        <translation>无法在 %1 中记录个人数据密钥。</translation>
    </message>
</context>
<context>
    <name>pos::activation::FileKeyVault</name>
    <message>
        <source>The personal data key could not be read.</source>
        <translation>无法读取个人数据密钥。</translation>
    </message>
    <message>
        <source>The personal data key %1 is not a file of this user. It was not used.</source>
        <translation>个人数据密钥 %1 不属于当前用户，未使用。</translation>
    </message>
    <message>
        <source>The personal data key %1 may be read by other users (permissions %2). It was not used; restrict it to its owner (chmod 600).</source>
        <translation>个人数据密钥 %1 可被其他用户读取（权限 %2），未使用。请将其权限限制为仅所有者可访问（chmod 600）。</translation>
    </message>
    <message>
        <source>The personal data key %1 is damaged (wrong size). It was not used.</source>
        <translation>个人数据密钥 %1 已损坏（大小不正确），未使用。</translation>
    </message>
    <message>
        <source>The personal data key could not be created.</source>
        <translation>无法创建个人数据密钥。</translation>
    </message>
</context>
<context>
    <name>pos::activation::NetworkCheck</name>
    <message>
        <source>%1: reachable, secure connection in %2 ms.</source>
        <translation>%1：可以连接，安全连接耗时 %2 ms。</translation>
    </message>
    <message>
        <source>The name %1 could not be looked up in time (DNS). Check the shop&apos;s internet connection and the router&apos;s DNS server.</source>
        <translation>未能及时解析域名 %1（DNS）。请检查店铺网络及路由器的 DNS 服务器。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s server did not answer in time. The internet connection may be down or unstable, or a firewall blocks port %1.</source>
        <translation>收单机构服务器未及时响应。网络可能已断开或不稳定，或防火墙拦截了端口 %1。</translation>
    </message>
    <message>
        <source>The secure connection was not completed in time. The network is very slow or unstable; try again, or try another connection.</source>
        <translation>安全连接未能及时完成。网络非常慢或不稳定，请重试，或换一个网络。</translation>
    </message>
    <message>
        <source>The name %1 could not be found (DNS). Check that the shop&apos;s internet connection works and the router&apos;s DNS server answers.</source>
        <translation>找不到域名 %1（DNS）。请检查店铺网络是否正常，以及路由器的 DNS 服务器是否响应。</translation>
    </message>
    <message>
        <source>The connection is slow (%1 ms); payments will take longer than usual.</source>
        <translation>网络连接较慢（%1 ms），付款将比平时耗时更长。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s server refused the connection on port %1. The service may be down; try again later.</source>
        <translation>收单机构服务器拒绝了端口 %1 上的连接。服务可能暂时不可用，请稍后重试。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s server could not be reached (%1). Check the internet connection and any firewall.</source>
        <translation>无法连接收单机构服务器（%1）。请检查网络连接及防火墙设置。</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established (%2). The network may intercept secure connections, or this computer&apos;s clock is wrong.</source>
        <translation>无法与 %1 建立安全连接（%2）。可能是网络拦截了安全连接，或本机时间不正确。</translation>
    </message>
</context>
<context>
    <name>pos::activation::OnboardingDraft</name>
    <message>
        <source>The saved application could not be read.</source>
        <translation>无法读取已保存的申请。</translation>
    </message>
    <message>
        <source>A document has not been uploaded yet.</source>
        <translation>尚未上传证件资料。</translation>
    </message>
</context>
<context>
    <name>pos::activation::OnboardingRules</name>
    <message>
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>Attach a photo or scan of the %1.</source>
        <translation>请上传%1的照片或扫描件。</translation>
    </message>
    <message>
        <source>The %1 must be a JPEG or PNG image or a PDF file.</source>
        <translation>%1必须是 JPEG 或 PNG 图片，或 PDF 文件。</translation>
    </message>
    <message>
        <source>The %1 file is larger than 10 MB.</source>
        <translation>%1文件超过 10 MB。</translation>
    </message>
    <message>
        <source>Enter the validity date of the %1, or tick long-term.</source>
        <translation>请输入%1的有效期，或勾选“长期”。</translation>
    </message>
    <message>
        <source>The %1 expired on %2.</source>
        <translation>%1已于 %2 过期。</translation>
    </message>
    <message>
        <source>The province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>The district</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>The street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Choose the category of business the shop really does.</source>
        <translation>请选择店铺实际经营的类目。</translation>
    </message>
    <message>
        <source>The name on the licence differs from the registered name on the first page.</source>
        <translation>营业执照上的名称与第一页填写的注册名称不一致。</translation>
    </message>
    <message>
        <source>business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>The tax id must be the licence&apos;s unified social credit code.</source>
        <translation>税号必须是营业执照上的统一社会信用代码。</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>front of the identity card</source>
        <translation>身份证正面</translation>
    </message>
    <message>
        <source>back of the identity card</source>
        <translation>身份证反面</translation>
    </message>
    <message>
        <source>The bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>The branch (开户行)</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Choose at least one way to take payments (swipe, chip, contactless or QR).</source>
        <translation>请至少选择一种收款方式（刷卡、插卡、挥卡/闪付或扫码）。</translation>
    </message>
    <message>
        <source>Read the agreement, type your name and tick the box to sign it.</source>
        <translation>请阅读协议，输入您的姓名并勾选复选框完成签署。</translation>
    </message>
    <message>
        <source>The signed text changed after signing. Sign the agreement again.</source>
        <translation>签署后签名内容发生了变化，请重新签署协议。</translation>
    </message>
    <message>
        <source>The settlement cycle</source>
        <translation>结算周期</translation>
    </message>
    <message>
        <source>Supermarket or grocery store</source>
        <translation>超市或杂货店</translation>
    </message>
    <message>
        <source>Convenience store or food shop</source>
        <translation>便利店或食品店</translation>
    </message>
    <message>
        <source>Restaurant</source>
        <translation>餐馆</translation>
    </message>
    <message>
        <source>Fast food or snack shop</source>
        <translation>快餐或小吃店</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <source>Department store</source>
        <translation>百货商场</translation>
    </message>
    <message>
        <source>Clothing store</source>
        <translation>服装店</translation>
    </message>
    <message>
        <source>Shoe store</source>
        <translation>鞋店</translation>
    </message>
    <message>
        <source>Electronics store</source>
        <translation>电子产品店</translation>
    </message>
    <message>
        <source>Book store</source>
        <translation>书店</translation>
    </message>
    <message>
        <source>Toy store</source>
        <translation>玩具店</translation>
    </message>
    <message>
        <source>Florist</source>
        <translation>鲜花店</translation>
    </message>
    <message>
        <source>Pet shop</source>
        <translation>宠物店</translation>
    </message>
    <message>
        <source>Hairdresser or beauty salon</source>
        <translation>美发或美容店</translation>
    </message>
    <message>
        <source>Other retail shop</source>
        <translation>其他零售店</translation>
    </message>
</context>
<context>
    <name>pos::activation::OnboardingService</name>
    <message>
        <source>The application could not be loaded yet.</source>
        <translation>暂时无法加载申请。</translation>
    </message>
    <message>
        <source>The saved application was protected with another key and cannot be read. Restore the key file or start a new application.</source>
        <translation>已保存的申请由另一个密钥保护，无法读取。请恢复密钥文件，或新建申请。</translation>
    </message>
    <message>
        <source>The saved application could not be read.</source>
        <translation>无法读取已保存的申请。</translation>
    </message>
    <message>
        <source>The application is with the acquirer and cannot be changed now.</source>
        <translation>申请正在收单机构审核中，暂不能修改。</translation>
    </message>
    <message>
        <source>The acquirer&apos;s agreement is not available.</source>
        <translation>无法获取收单机构的协议。</translation>
    </message>
    <message>
        <source>The application has not been approved yet.</source>
        <translation>申请尚未审核通过。</translation>
    </message>
    <message>
        <source>The application has already been sent.</source>
        <translation>申请已发送。</translation>
    </message>
    <message>
        <source>A document of the application is missing. Attach it again.</source>
        <translation>进件申请缺少一份证件资料，请重新上传。</translation>
    </message>
    <message>
        <source>Uploading the business licence…</source>
        <translation>正在上传营业执照…</translation>
    </message>
    <message>
        <source>Uploading the front of the ID card…</source>
        <translation>正在上传身份证正面…</translation>
    </message>
    <message>
        <source>Uploading the back of the ID card…</source>
        <translation>正在上传身份证反面…</translation>
    </message>
    <message>
        <source>The acquirer received a different document. Try again.</source>
        <translation>收单机构收到的文件不一致，请重试。</translation>
    </message>
    <message>
        <source>Sending the application…</source>
        <translation>正在发送申请…</translation>
    </message>
    <message>
        <source>The acquirer refused the application (%1). Check it and send it again.</source>
        <translation>收单机构驳回了申请（%1）。请检查后重新提交。</translation>
    </message>
    <message>
        <source>The acquirer refused the application: %1</source>
        <translation>收单机构驳回了申请：%1</translation>
    </message>
    <message>
        <source>The application could not be sent. Try again.</source>
        <translation>申请发送失败，请重试。</translation>
    </message>
    <message>
        <source>The acquirer did not answer the review status (%1).</source>
        <translation>收单机构未返回审核状态（%1）。</translation>
    </message>
    <message>
        <source>The saved document was protected with another key and cannot be read. Attach it again.</source>
        <translation>已保存的证件资料由另一个密钥保护，无法读取。请重新上传。</translation>
    </message>
    <message>
        <source>The document has not been attached yet.</source>
        <translation>尚未上传证件资料。</translation>
    </message>
</context>
<context>
    <name>pos::activation::SecretServiceKeyVault</name>
    <message>
        <source>The desktop keyring is not running (no Secret Service on the session bus).</source>
        <translation>桌面密钥环未运行（会话总线上没有 Secret Service）。</translation>
    </message>
    <message>
        <source>The desktop keyring holding the personal data key is locked. Unlock it and retry.</source>
        <translation>保存个人数据密钥的桌面密钥环已锁定。请解锁后重试。</translation>
    </message>
    <message>
        <source>The desktop keyring did not answer within %1 seconds.</source>
        <translation>桌面密钥环在 %1 秒内没有响应。</translation>
    </message>
    <message>
        <source>The desktop keyring could not be used.</source>
        <translation>无法使用桌面密钥环。</translation>
    </message>
    <message>
        <source>The desktop keyring holds no personal data key for this data directory.</source>
        <translation>桌面密钥环中没有此数据目录的个人数据密钥。</translation>
    </message>
    <message>
        <source>The desktop keyring has no default keyring to keep the personal data key in.</source>
        <translation>桌面密钥环没有可用于保存个人数据密钥的默认密钥环。</translation>
    </message>
    <message>
        <source>The personal data key could not be created.</source>
        <translation>无法创建个人数据密钥。</translation>
    </message>
    <message>
        <source>The desktop keyring holds %1 personal data keys for this data directory. None was used; remove the wrong ones.</source>
        <translation>桌面密钥环中有 %1 个属于此数据目录的个人数据密钥，均未使用；请删除错误的密钥。</translation>
    </message>
    <message>
        <source>The personal data key in the desktop keyring is damaged (wrong length or format). It was not used and was left as it is.</source>
        <translation>桌面密钥环中的个人数据密钥已损坏（长度或格式错误）。未使用该密钥，也未改动它。</translation>
    </message>
</context>
<context>
    <name>pos::app::AcquirerEndpoints</name>
    <message>
        <source>settings.ini [acquirer] %1 is not valid: %2 Correct it and restart.</source>
        <translation>settings.ini [acquirer] 中的 %1 无效：%2 请改正后重新启动。</translation>
    </message>
    <message>
        <source>settings.ini [acquirer] has no %1. Add it (see the installation guide) and restart.</source>
        <translation>settings.ini [acquirer] 中缺少 %1。请按安装指南添加后重新启动。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation>无法读取设置文件 %1。</translation>
    </message>
    <message>
        <source>The acquirer is not configured yet: settings.ini has no [acquirer] section.</source>
        <translation>尚未配置收单机构：settings.ini 中没有 [acquirer] 部分。</translation>
    </message>
    <message>
        <source>it must be a URL such as https://api.example.cn:8443.</source>
        <translation>应为网址，例如 https://api.example.cn:8443。</translation>
    </message>
    <message>
        <source>it must start with https:// (personal data is sent).</source>
        <translation>必须以 https:// 开头（会发送个人数据）。</translation>
    </message>
    <message>
        <source>it must be host:port with a port from 1 to 65535, such as pos.example.cn:5000.</source>
        <translation>应为 主机:端口，端口在 1 到 65535 之间，例如 pos.example.cn:5000。</translation>
    </message>
    <message>
        <source>it must be 1 to 64 printable characters without spaces.</source>
        <translation>应为 1 到 64 个可打印字符，不含空格。</translation>
    </message>
    <message>
        <source>it must be 64 hexadecimal digits.</source>
        <translation>应为 64 位十六进制数字。</translation>
    </message>
</context>
<context>
    <name>pos::app::AcquirerSetup</name>
    <message>
        <source>Onboarding and QR service</source>
        <translation>进件与扫码服务</translation>
    </message>
    <message>
        <source>Card payments host</source>
        <translation>银行卡收单主机</translation>
    </message>
</context>
<context>
    <name>pos::app::DemoSupervisor</name>
    <message>
        <source>The demo simulators did not start in time.</source>
        <translation>演示模拟器未能按时启动。</translation>
    </message>
    <message>
        <source>A demo simulator could not be started.</source>
        <translation>无法启动演示模拟器。</translation>
    </message>
    <message>
        <source>A demo simulator stopped unexpectedly.</source>
        <translation>演示模拟器意外停止。</translation>
    </message>
</context>
<context>
    <name>pos::app::InstanceGuard</name>
    <message>
        <source>The POS is already running for this data directory (process %1).</source>
        <translation>收银程序已在使用此数据目录运行（进程 %1）。</translation>
    </message>
    <message>
        <source>The data directory cannot be locked.</source>
        <translation>无法锁定数据目录。</translation>
    </message>
</context>
<context>
    <name>pos::app::OptionText</name>
    <message>
        <source>Demo mode: start the local acquirer simulator, PIN pad and printer emulators, with a fresh data directory.</source>
        <translation>演示模式：使用全新的数据目录，启动本地收单模拟器、密码键盘和打印机模拟器。</translation>
    </message>
    <message>
        <source>Use DIR as the data directory.</source>
        <translation>使用 DIR 作为数据目录。</translation>
    </message>
    <message>
        <source>Walk every page offscreen, save one PNG per page into DIR, exit.</source>
        <translation>在后台逐页浏览，每页保存一张 PNG 到 DIR，然后退出。</translation>
    </message>
    <message>
        <source>Exit right after the main window&apos;s first paint (benchmarks).</source>
        <translation>主窗口首次绘制后立即退出（用于基准测试）。</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Merchant POS: point of sale for shops.</source>
        <translation>商户收银台：门店收银系统。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>--autopilot needs a directory.</source>
        <translation>--autopilot 需要指定目录。</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>不支持的语言 %1；可选：%2</translation>
    </message>
</context>
<context>
    <name>pos::app::PosApplication</name>
    <message>
        <source>The cryptographic self-test failed (%1). The POS cannot start safely; please contact support.</source>
        <translation>密码算法自检失败（%1）。收银程序无法安全启动，请联系技术支持。</translation>
    </message>
    <message>
        <source>The demo data directory cannot be created.</source>
        <translation>无法创建演示数据目录。</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be created.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <source>Merchant POS</source>
        <translation>商户收银台</translation>
    </message>
    <message>
        <source>%1
The file was kept as it is. Restore the ledger from a backup (pos-tool ledger restore) or call support.</source>
        <translation>%1
文件已原样保留。请从备份恢复账本（pos-tool ledger restore），或联系技术支持。</translation>
    </message>
    <message>
        <source>The backup folder cannot be created.</source>
        <translation>无法创建备份文件夹。</translation>
    </message>
</context>
<context>
    <name>pos::cli::CardCommand</name>
    <message>
        <source>There is no test card with this label.</source>
        <translation>没有这个标签的测试卡。</translation>
    </message>
</context>
<context>
    <name>pos::cli::HostCommand</name>
    <message>
        <source>The check was interrupted.</source>
        <translation>检测被中断。</translation>
    </message>
</context>
<context>
    <name>pos::cli::LedgerCommand</name>
    <message>
        <source>%1 is not a POS ledger.</source>
        <translation>%1 不是收银账本。</translation>
    </message>
    <message>
        <source>%1 already exists: generate only creates a new ledger.</source>
        <translation>%1 已存在：generate 只会创建新账本。</translation>
    </message>
</context>
<context>
    <name>pos::cli::PinPadCommand</name>
    <message>
        <source>The PIN pad does not answer.</source>
        <translation>密码键盘无响应。</translation>
    </message>
</context>
<context>
    <name>pos::cli::PrinterTestAction</name>
    <message>
        <source>The printer does not answer.</source>
        <translation>打印机无响应。</translation>
    </message>
</context>
<context>
    <name>pos::crypto::Aes256Gcm</name>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation>密码运算失败。</translation>
    </message>
    <message>
        <source>Stored protected data could not be read: it was altered, or it belongs to another key.</source>
        <translation>无法读取已保存的受保护数据：数据已被篡改，或属于另一个密钥。</translation>
    </message>
</context>
<context>
    <name>pos::crypto::CryptoText</name>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation>密码运算失败。</translation>
    </message>
    <message>
        <source>The key has the wrong length.</source>
        <translation>密钥长度不正确。</translation>
    </message>
    <message>
        <source>The data is not a whole number of cipher blocks.</source>
        <translation>数据长度不是分组长度的整数倍。</translation>
    </message>
</context>
<context>
    <name>pos::devices::ByteTransport</name>
    <message>
        <source>The device address &quot;%1&quot; is not valid.</source>
        <translation>设备地址“%1”无效。</translation>
    </message>
    <message>
        <source>The device at %1 cannot be opened.</source>
        <translation>无法打开 %1 上的设备。</translation>
    </message>
</context>
<context>
    <name>pos::devices::DeviceHub</name>
    <message>
        <source>The receipt printer is not connected.</source>
        <translation>小票打印机未连接。</translation>
    </message>
    <message>
        <source>The PIN pad is not connected.</source>
        <translation>密码键盘未连接。</translation>
    </message>
    <message>
        <source>The scanner is not connected.</source>
        <translation>扫码枪未连接。</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <source>Test page printed. %1</source>
        <translation>测试页已打印。%1</translation>
    </message>
    <message>
        <source>%1, serial number %2, answered.</source>
        <translation>%1（序列号 %2）已应答。</translation>
    </message>
    <message>
        <source>Connected. Scan any barcode: it goes to the sale.</source>
        <translation>已连接。扫描任意条码，它会进入当前销售。</translation>
    </message>
    <message>
        <source>Disconnected. Trying again.</source>
        <translation>连接已断开，正在重试。</translation>
    </message>
    <message>
        <source>The PIN pad reports tampering. Do not use it; call the acquirer.</source>
        <translation>密码键盘报告被拆动。请停止使用并联系收单机构。</translation>
    </message>
</context>
<context>
    <name>pos::devices::Ieee1284Id</name>
    <message>
        <source>The printer sent an unreadable device id.</source>
        <translation>打印机返回的设备标识无法识别。</translation>
    </message>
</context>
<context>
    <name>pos::devices::PinPadDriver</name>
    <message>
        <source>The PIN pad refused the request.</source>
        <translation>密码键盘拒绝了该请求。</translation>
    </message>
    <message>
        <source>The PIN pad does not know this command.</source>
        <translation>密码键盘不支持该命令。</translation>
    </message>
    <message>
        <source>The PIN pad is busy.</source>
        <translation>密码键盘正忙。</translation>
    </message>
    <message>
        <source>The customer did not act in time.</source>
        <translation>顾客未在规定时间内操作。</translation>
    </message>
    <message>
        <source>Cancelled on the PIN pad.</source>
        <translation>已在密码键盘上取消。</translation>
    </message>
    <message>
        <source>The PIN pad&apos;s keys do not match: sign on again or reload the keys.</source>
        <translation>密码键盘的密钥不匹配：请重新签到或重新灌装密钥。</translation>
    </message>
    <message>
        <source>The card could not be read. Try again.</source>
        <translation>无法读取该卡，请重试。</translation>
    </message>
    <message>
        <source>The PIN pad reports tampering and has erased its keys.</source>
        <translation>密码键盘检测到被拆，已清除密钥。</translation>
    </message>
    <message>
        <source>The PIN pad gave an unknown answer.</source>
        <translation>密码键盘返回了未知的应答。</translation>
    </message>
    <message>
        <source>The PIN pad gave an incomplete answer.</source>
        <translation>密码键盘返回的应答不完整。</translation>
    </message>
    <message>
        <source>The PIN pad is not connected.</source>
        <translation>密码键盘未连接。</translation>
    </message>
    <message>
        <source>The PIN pad connection is unreliable.</source>
        <translation>与密码键盘的连接不稳定。</translation>
    </message>
    <message>
        <source>The PIN pad did not answer.</source>
        <translation>密码键盘没有应答。</translation>
    </message>
    <message>
        <source>The PIN pad was disconnected.</source>
        <translation>密码键盘已断开。</translation>
    </message>
    <message>
        <source>The PIN pad&apos;s keys do not match.</source>
        <translation>密码键盘的密钥不匹配。</translation>
    </message>
</context>
<context>
    <name>pos::devices::PinPadFrame</name>
    <message>
        <source>The PIN pad sent a damaged answer.</source>
        <translation>密码键盘返回的数据已损坏。</translation>
    </message>
</context>
<context>
    <name>pos::devices::PrinterStatus</name>
    <message>
        <source>The printer sent a status that cannot be read.</source>
        <translation>打印机返回的状态无法识别。</translation>
    </message>
</context>
<context>
    <name>pos::devices::ReceiptPrinter</name>
    <message>
        <source>The printer cover is open. Close it and print again.</source>
        <translation>打印机上盖未关。请盖好后重新打印。</translation>
    </message>
    <message>
        <source>The printer is out of paper. Load a new roll and print again.</source>
        <translation>打印机缺纸。请装入新纸卷后重新打印。</translation>
    </message>
    <message>
        <source>The printer&apos;s cutter is jammed. Clear it and print again.</source>
        <translation>打印机切刀卡住。请清理后重新打印。</translation>
    </message>
    <message>
        <source>The printer reports an error. Switch it off and on, then print again.</source>
        <translation>打印机报告故障。请关机再开机后重新打印。</translation>
    </message>
    <message>
        <source>The printer is offline. Check it and print again.</source>
        <translation>打印机离线。请检查后重新打印。</translation>
    </message>
    <message>
        <source>The printer was disconnected while printing, so the receipt may be missing or incomplete.</source>
        <translation>打印过程中打印机断开连接，小票可能没有打出或不完整。</translation>
    </message>
    <message>
        <source>The receipt printer is not connected.</source>
        <translation>小票打印机未连接。</translation>
    </message>
    <message>
        <source>This printer does not report its status.</source>
        <translation>这台打印机不回报状态。</translation>
    </message>
    <message>
        <source>The printer stopped while printing, so the receipt may be incomplete. %1</source>
        <translation>打印机在打印过程中停止，小票可能不完整。%1</translation>
    </message>
    <message>
        <source>The printer stopped answering while printing, so the receipt may be missing or incomplete.</source>
        <translation>打印过程中打印机无响应，小票可能没有打出或不完整。</translation>
    </message>
    <message>
        <source>The receipt printer does not answer. Check that it is switched on and connected.</source>
        <translation>小票打印机无响应。请检查电源和连接线。</translation>
    </message>
    <message>
        <source>The paper roll is nearly used up.</source>
        <translation>纸卷即将用完。</translation>
    </message>
</context>
<context>
    <name>pos::devices::UsbAllowList</name>
    <message>
        <source>The list of known USB devices is damaged.</source>
        <translation>已知 USB 设备列表已损坏。</translation>
    </message>
</context>
<context>
    <name>pos::devices::UsbContext</name>
    <message>
        <source>USB devices cannot be used on this computer.</source>
        <translation>这台电脑无法使用 USB 设备。</translation>
    </message>
</context>
<context>
    <name>pos::devices::UsbDescriptors</name>
    <message>
        <source>The USB device reported unreadable descriptors.</source>
        <translation>USB 设备返回的描述符无法识别。</translation>
    </message>
    <message>
        <source>The USB device has no printer interface.</source>
        <translation>该 USB 设备没有打印机接口。</translation>
    </message>
</context>
<context>
    <name>pos::devices::UsbProbe</name>
    <message>
        <source>The USB device does not answer.</source>
        <translation>USB 设备无响应。</translation>
    </message>
</context>
<context>
    <name>pos::sales::PrintService</name>
    <message>
        <source>Only a receipt that failed to print can be reprinted.</source>
        <translation>只有打印失败的小票才能重打。</translation>
    </message>
    <message>
        <source>The receipt printer is not connected.</source>
        <translation>小票打印机未连接。</translation>
    </message>
</context>
<context>
    <name>pos::storage::Ledger</name>
    <message>
        <source>A user needs a login and a name.</source>
        <translation>用户需要登录名和姓名。</translation>
    </message>
    <message>
        <source>A user needs a credential.</source>
        <translation>用户需要设置登录凭据。</translation>
    </message>
    <message>
        <source>A product needs a code and a name.</source>
        <translation>商品需要编码和名称。</translation>
    </message>
    <message>
        <source>The price or tax rate is not valid.</source>
        <translation>价格或税率无效。</translation>
    </message>
    <message>
        <source>The opening float cannot be negative.</source>
        <translation>备用金不能为负数。</translation>
    </message>
    <message>
        <source>This cashier already has an open shift, or does not exist.</source>
        <translation>该收银员已有未结班次，或该收银员不存在。</translation>
    </message>
    <message>
        <source>The terminal id must have 8 characters and the merchant id 15.</source>
        <translation>终端号须为 8 位，商户号须为 15 位。</translation>
    </message>
    <message>
        <source>An audit event needs a name.</source>
        <translation>审计事件需要名称。</translation>
    </message>
    <message>
        <source>The card number must be masked (first 6 and last 4 digits).</source>
        <translation>卡号必须脱敏（仅保留前 6 位和后 4 位）。</translation>
    </message>
    <message>
        <source>The card reference is not valid.</source>
        <translation>卡片标识无效。</translation>
    </message>
    <message>
        <source>The card amount is not valid.</source>
        <translation>刷卡金额无效。</translation>
    </message>
    <message>
        <source>The card entry mode is not valid.</source>
        <translation>读卡方式无效。</translation>
    </message>
    <message>
        <source>A void or refund must name the original payment.</source>
        <translation>撤销或退货必须指定原交易。</translation>
    </message>
    <message>
        <source>The card payment does not exist.</source>
        <translation>该刷卡交易不存在。</translation>
    </message>
    <message>
        <source>This terminal has no terminal and merchant id yet: activate it first.</source>
        <translation>本终端尚无终端号和商户号，请先激活。</translation>
    </message>
    <message>
        <source>This batch has used every trace number. Settle the batch first.</source>
        <translation>本批次的流水号已用完，请先结算。</translation>
    </message>
    <message>
        <source>The answer for this card payment came too late; it is being reversed.</source>
        <translation>该刷卡交易的应答超时到达，交易正在冲正。</translation>
    </message>
    <message>
        <source>This card payment cannot be reversed.</source>
        <translation>该刷卡交易无法冲正。</translation>
    </message>
    <message>
        <source>The reversal record of this card payment is missing.</source>
        <translation>该刷卡交易缺少冲正记录。</translation>
    </message>
    <message>
        <source>There is no open shift. Open a shift before selling.</source>
        <translation>当前没有未结班次，请先开班再收银。</translation>
    </message>
    <message>
        <source>Every payment must be a positive amount.</source>
        <translation>每笔支付金额必须大于零。</translation>
    </message>
    <message>
        <source>The cash handed over is less than the amount to pay.</source>
        <translation>实收现金少于应付金额。</translation>
    </message>
    <message>
        <source>A card payment is missing its host approval.</source>
        <translation>刷卡支付缺少主机批准。</translation>
    </message>
    <message>
        <source>A QR payment is missing its confirmation.</source>
        <translation>扫码支付缺少支付确认。</translation>
    </message>
    <message>
        <source>The payments (%1) do not add up to the total (%2).</source>
        <translation>支付合计（%1）与应收总额（%2）不符。</translation>
    </message>
    <message>
        <source>The card or QR payment cannot be used for this sale (not approved, another amount, or already used).</source>
        <translation>该刷卡或扫码支付不能用于本笔销售（未获批准、金额不符或已被使用）。</translation>
    </message>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>销售至少需要一个商品行。</translation>
    </message>
    <message>
        <source>The quantity of &quot;%1&quot; is not valid.</source>
        <translation>“%1”的数量无效。</translation>
    </message>
    <message>
        <source>The price or discount of &quot;%1&quot; is not valid.</source>
        <translation>“%1”的价格或折扣无效。</translation>
    </message>
    <message>
        <source>A sale line is incomplete.</source>
        <translation>商品行信息不完整。</translation>
    </message>
    <message>
        <source>The amount of &quot;%1&quot; is too large.</source>
        <translation>“%1”的金额过大。</translation>
    </message>
    <message>
        <source>The discount on &quot;%1&quot; is larger than its price.</source>
        <translation>“%1”的折扣超过了其价格。</translation>
    </message>
    <message>
        <source>The ticket discount is larger than the sale.</source>
        <translation>整单折扣超过了销售金额。</translation>
    </message>
    <message>
        <source>A refund line does not belong to the original sale.</source>
        <translation>退货商品行不属于原销售单。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the refund is more than what was sold and not yet refunded.</source>
        <translation>“%1”：退货数量超过了已售且未退的数量。</translation>
    </message>
    <message>
        <source>A refund needs at least one line.</source>
        <translation>退货至少需要一个商品行。</translation>
    </message>
    <message>
        <source>Only a completed sale can be refunded.</source>
        <translation>只有已完成的销售才能退货。</translation>
    </message>
    <message>
        <source>The ledger is not open.</source>
        <translation>账本未打开。</translation>
    </message>
    <message>
        <source>A cryptographic operation failed.</source>
        <translation>密码运算失败。</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>审计日志为空。</translation>
    </message>
    <message>
        <source>The cash amount is not valid.</source>
        <translation>现金金额无效。</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation>清点的现金不能为负数。</translation>
    </message>
    <message>
        <source>This shift is not open.</source>
        <translation>该班次未开启。</translation>
    </message>
    <message>
        <source>The batch is being settled. Card payments can start again when it is closed.</source>
        <translation>本批次正在结算，结算完成后才能继续刷卡。</translation>
    </message>
    <message>
        <source>The queued host work does not exist.</source>
        <translation>待发送的主机任务不存在。</translation>
    </message>
    <message>
        <source>This queued host work is not being sent.</source>
        <translation>该主机任务当前未在发送。</translation>
    </message>
    <message>
        <source>The card payment of this host work is not in the expected state.</source>
        <translation>该主机任务对应的刷卡交易状态不符。</translation>
    </message>
    <message>
        <source>The queued host work has no valid reference.</source>
        <translation>待发送的主机任务缺少有效的标识。</translation>
    </message>
    <message>
        <source>The outcome of this QR payment is missing.</source>
        <translation>缺少该扫码支付的结果。</translation>
    </message>
    <message>
        <source>This print job is not in a state that allows it.</source>
        <translation>该打印任务当前状态不允许此操作。</translation>
    </message>
    <message>
        <source>The receipt to print is empty or too large.</source>
        <translation>要打印的小票为空或过大。</translation>
    </message>
    <message>
        <source>The QR payment does not exist.</source>
        <translation>该扫码支付不存在。</translation>
    </message>
    <message>
        <source>This QR payment cannot change to that state any more.</source>
        <translation>该扫码支付已不能变更为此状态。</translation>
    </message>
    <message>
        <source>The QR order number is not valid.</source>
        <translation>扫码订单号无效。</translation>
    </message>
    <message>
        <source>The QR payment amount is not valid.</source>
        <translation>扫码支付金额无效。</translation>
    </message>
    <message>
        <source>A QR refund must name the original payment.</source>
        <translation>扫码退款必须指定原支付。</translation>
    </message>
    <message>
        <source>Only a paid QR payment can be refunded, and never for more than it paid minus earlier refunds.</source>
        <translation>只有已支付的扫码交易才能退款，且退款金额不得超过原支付金额减去已退金额。</translation>
    </message>
    <message>
        <source>This QR order number was used before.</source>
        <translation>该扫码订单号已被使用。</translation>
    </message>
    <message>
        <source>A card payment&apos;s outcome is still open (a reversal is owed to the acquirer). Settle once it has been sent.</source>
        <translation>仍有刷卡交易结果未定（尚需向收单机构发送冲正），请在冲正发送后再结算。</translation>
    </message>
    <message>
        <source>The settlement batch does not exist.</source>
        <translation>该结算批次不存在。</translation>
    </message>
    <message>
        <source>The settlement could not be closed.</source>
        <translation>无法完成结算。</translation>
    </message>
    <message>
        <source>This batch is already being uploaded to the acquirer.</source>
        <translation>本批次正在向收单机构上送。</translation>
    </message>
    <message>
        <source>This batch is not waiting for the acquirer&apos;s settlement answer.</source>
        <translation>本批次未在等待收单机构的结算应答。</translation>
    </message>
    <message>
        <source>This batch is not being uploaded.</source>
        <translation>本批次未在上送。</translation>
    </message>
    <message>
        <source>Only a completed sale can be voided.</source>
        <translation>只有已完成的销售才能撤销。</translation>
    </message>
    <message>
        <source>A void must be approved by a supervisor or the owner.</source>
        <translation>撤销必须由主管或店主授权。</translation>
    </message>
    <message>
        <source>Void the card or QR payment with the acquirer first.</source>
        <translation>请先向收单机构撤销刷卡或扫码支付。</translation>
    </message>
    <message>
        <source>Give a reason for the void.</source>
        <translation>请填写撤销原因。</translation>
    </message>
    <message>
        <source>Only today&apos;s sales can be voided. Make a refund instead.</source>
        <translation>只能撤销当天的销售，请改为退货。</translation>
    </message>
    <message>
        <source>The shift of this sale is closed. Make a refund instead.</source>
        <translation>该销售所属班次已结班，请改为退货。</translation>
    </message>
    <message>
        <source>This sale was partly refunded and can no longer be voided.</source>
        <translation>该销售已部分退货，不能再撤销。</translation>
    </message>
    <message>
        <source>This QR payment cannot be reversed.</source>
        <translation>这笔扫码支付无法撤销。</translation>
    </message>
    <message>
        <source>The reversal of this QR payment is already being sent.</source>
        <translation>这笔扫码支付的撤销正在发送中。</translation>
    </message>
    <message>
        <source>The terminal has no valid terminal id for QR payments.</source>
        <translation>本终端没有可用于扫码支付的有效终端号。</translation>
    </message>
    <message>
        <source>The ledger was asked for an impossible number of trace numbers.</source>
        <translation>账本收到了无效的流水号数量请求。</translation>
    </message>
    <message>
        <source>This batch holds 999 card refunds already: settle it before the next card refund.</source>
        <translation>本批次已有 999 笔银行卡退货，请先结算再做下一笔退货。</translation>
    </message>
    <message>
        <source>This batch holds 999 card sales already: settle it before the next card sale.</source>
        <translation>本批次已有 999 笔银行卡消费，请先结算再做下一笔刷卡消费。</translation>
    </message>
    <message>
        <source>The onboarding application could not be saved.</source>
        <translation>无法保存进件申请。</translation>
    </message>
    <message>
        <source>The document could not be saved.</source>
        <translation>无法保存证件资料。</translation>
    </message>
</context>
<context>
    <name>pos::storage::LedgerBackup</name>
    <message>
        <source>The ledger file could not be moved aside.</source>
        <translation>无法将账本文件移至一旁保存。</translation>
    </message>
    <message>
        <source>The copy of the ledger could not be completed.</source>
        <translation>账本副本未能完成。</translation>
    </message>
    <message>
        <source>The copy of the ledger failed its integrity check.</source>
        <translation>账本副本未通过完整性检查。</translation>
    </message>
    <message>
        <source>The copy of the ledger could not be saved to disk.</source>
        <translation>无法将账本副本写入磁盘。</translation>
    </message>
    <message>
        <source>Choose a different file for the backup.</source>
        <translation>请为备份选择另一个文件。</translation>
    </message>
    <message>
        <source>%1 is a folder. Choose a file name for the backup.</source>
        <translation>%1 是文件夹，请为备份指定文件名。</translation>
    </message>
    <message>
        <source>The backup could not be written to %1. Check that the folder exists, is writable and the disk is connected.</source>
        <translation>无法将备份写入 %1。请检查文件夹是否存在、是否可写，以及磁盘是否已连接。</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>备份到 %1 失败：%2</translation>
    </message>
    <message>
        <source>The backup and the ledger are the same file.</source>
        <translation>备份文件与账本是同一个文件。</translation>
    </message>
    <message>
        <source>The backup %1 is damaged or is not a POS ledger backup. Nothing was changed.</source>
        <translation>备份 %1 已损坏或不是收银账本备份。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup %1 does not exist. Nothing was changed.</source>
        <translation>备份 %1 不存在。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup %1 cannot be opened. Nothing was changed.</source>
        <translation>无法打开备份 %1。未做任何更改。</translation>
    </message>
    <message>
        <source>%1 is not a POS ledger backup. Nothing was changed.</source>
        <translation>%1 不是收银账本备份。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1 The current ledger was not changed.</source>
        <translation>无法恢复备份：%1 当前账本未做更改。</translation>
    </message>
    <message>
        <source>The backup could not be restored: the ledger file could not be replaced.</source>
        <translation>无法恢复备份：无法替换账本文件。</translation>
    </message>
    <message>
        <source>The ledger file %1 does not exist.</source>
        <translation>账本文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Keep at least one day of backups.</source>
        <translation>至少保留一天的备份。</translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist.</source>
        <translation>备份文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Old backups in %1 could not be deleted.</source>
        <translation>无法删除 %1 中的旧备份。</translation>
    </message>
    <message>
        <source>The ledger is busy. Please try the backup again.</source>
        <translation>账本正忙，请重新备份。</translation>
    </message>
</context>
<context>
    <name>pos::storage::LedgerReports</name>
    <message>
        <source>Reports cannot be run on the selling connection.</source>
        <translation>不能在收银连接上运行报表。</translation>
    </message>
    <message>
        <source>The report period is not valid.</source>
        <translation>报表期间无效。</translation>
    </message>
    <message>
        <source>The number of products to show is not valid.</source>
        <translation>要显示的商品数量无效。</translation>
    </message>
    <message>
        <source>There is no such shift.</source>
        <translation>没有该班次。</translation>
    </message>
</context>
<context>
    <name>pos::storage::Migrator</name>
    <message>
        <source>%1 is not a POS ledger. It was left untouched; choose the right file or restore a backup.</source>
        <translation>%1 不是收银账本，文件未被改动。请选择正确的文件或从备份恢复。</translation>
    </message>
    <message>
        <source>The ledger was written by a newer version of the POS (schema %1; this version knows up to %2). Update the POS.</source>
        <translation>该账本由更新版本的收银程序写入（结构版本 %1，本版本最高支持 %2）。请升级收银程序。</translation>
    </message>
    <message>
        <source>The ledger schema could not be upgraded.</source>
        <translation>无法升级账本结构。</translation>
    </message>
    <message>
        <source>The ledger needs an upgrade first.</source>
        <translation>账本需要先升级。</translation>
    </message>
</context>
<context>
    <name>pos::storage::StorageText</name>
    <message>
        <source>The ledger file %1 does not exist.</source>
        <translation>账本文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The ledger file %1 cannot be opened.</source>
        <translation>无法打开账本文件 %1。</translation>
    </message>
    <message>
        <source>The ledger database could not be configured.</source>
        <translation>无法配置账本数据库。</translation>
    </message>
    <message>
        <source>The ledger could not be updated.</source>
        <translation>无法更新账本。</translation>
    </message>
    <message>
        <source>The ledger returned no result.</source>
        <translation>账本未返回结果。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容。请释放空间后重试。</translation>
    </message>
    <message>
        <source>The ledger file is damaged or is not a ledger. Restore it from a backup.</source>
        <translation>账本文件已损坏或不是账本，请从备份恢复。</translation>
    </message>
    <message>
        <source>The ledger is busy. Please try again.</source>
        <translation>账本正忙，请重试。</translation>
    </message>
    <message>
        <source>The ledger could not be read or written (disk error).</source>
        <translation>无法读写账本（磁盘错误）。</translation>
    </message>
    <message>
        <source>After a disk error the ledger must be reopened before it can be used again.</source>
        <translation>发生磁盘错误后，必须重新打开账本才能继续使用。</translation>
    </message>
</context>
<context>
    <name>pos::storage::TransactionGuard</name>
    <message>
        <source>The disk reported an error while saving: this may or may not have been saved. Reopen the ledger and check the last entry before entering it again.</source>
        <translation>保存时磁盘报告错误：本笔记录可能已保存，也可能未保存。请重新打开账本并核对最后一笔记录后再重新录入。</translation>
    </message>
</context>
<context>
    <name>pos::ui::ActivatedPanel</name>
    <message>
        <source>Debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>贷记卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>This terminal is activated. Selling may start.</source>
        <translation>本终端已激活，可以开始收银。</translation>
    </message>
    <message>
        <source>Terminal id: %1</source>
        <translation>终端号：%1</translation>
    </message>
    <message>
        <source>Merchant id: %1</source>
        <translation>商户号：%1</translation>
    </message>
    <message>
        <source>Merchant id: %1 (%2)</source>
        <translation>商户号：%1（%2）</translation>
    </message>
    <message>
        <source>Limits: %1 per card payment, %2 per day</source>
        <translation>限额：单笔 %1，每日 %2</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Cap per payment</source>
        <translation>单笔封顶</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Try a small test sale</source>
        <translation>做一笔小额测试交易</translation>
    </message>
</context>
<context>
    <name>pos::ui::ActivationPage</name>
    <message>
        <source>Onboard with the acquirer, then activate the PIN pad with the first card swipe.</source>
        <translation>向收单机构进件，然后以首刷激活密码键盘。</translation>
    </message>
    <message>
        <source>Current state: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>1. Merchant onboarding: documents and agreement</source>
        <translation>1. 商户进件：资料与协议</translation>
    </message>
    <message>
        <source>2. Acquirer review</source>
        <translation>2. 收单机构审核</translation>
    </message>
    <message>
        <source>3. Activation code and network check</source>
        <translation>3. 激活码与网络检测</translation>
    </message>
    <message>
        <source>4. Bind the PIN pad and load its keys</source>
        <translation>4. 绑定密码键盘并下载密钥</translation>
    </message>
    <message>
        <source>5. Sign on with the acquirer</source>
        <translation>5. 向收单机构签到</translation>
    </message>
    <message>
        <source>6. First card swipe</source>
        <translation>6. 首刷激活</translation>
    </message>
    <message>
        <source>Terminal activation</source>
        <translation>终端激活</translation>
    </message>
</context>
<context>
    <name>pos::ui::ActivationProgressPanel</name>
    <message>
        <source>Activation is unavailable on this terminal right now.</source>
        <translation>本终端暂时无法激活。</translation>
    </message>
    <message>
        <source>Check network</source>
        <translation>检查网络</translation>
    </message>
    <message>
        <source>Activation code:</source>
        <translation>激活码：</translation>
    </message>
    <message>
        <source>8 letters and digits from the acquirer</source>
        <translation>收单机构提供的 8 位字母和数字</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>First swipe: press the button, then swipe, insert or tap a bank card on the PIN pad and enter its PIN on the PIN pad. The acquirer confirms the activation with this transaction; no money is taken.</source>
        <translation>首刷：点击按钮后，在密码键盘上刷卡、插卡或挥卡，并在密码键盘上输入该卡密码。收单机构以这笔交易确认激活，不会扣款。</translation>
    </message>
    <message>
        <source>First swipe</source>
        <translation>首刷激活</translation>
    </message>
    <message>
        <source>Checking the connection to the acquirer…</source>
        <translation>正在检查与收单机构的连接…</translation>
    </message>
    <message>
        <source>The acquirer cannot be reached.</source>
        <translation>无法连接收单机构。</translation>
    </message>
    <message>
        <source>The acquirer can be reached, but the network is slow.</source>
        <translation>可以连接收单机构，但网络较慢。</translation>
    </message>
    <message>
        <source>The network is fine.</source>
        <translation>网络正常。</translation>
    </message>
</context>
<context>
    <name>pos::ui::AgreementStep</name>
    <message>
        <source>Loading the agreement from the acquirer…</source>
        <translation>正在从收单机构加载协议…</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>不限额</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Read the acquirer&apos;s agreement. Type your name and tick the box to sign it.</source>
        <translation>请阅读收单机构的协议，输入您的姓名并勾选复选框完成签署。</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Settlement cycle</source>
        <translation>结算周期</translation>
    </message>
    <message>
        <source>Your name (legal representative)</source>
        <translation>您的姓名（法定代表人）</translation>
    </message>
    <message>
        <source>I have read and agree</source>
        <translation>我已阅读并同意</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Cap per transaction</source>
        <translation>单笔上限</translation>
    </message>
</context>
<context>
    <name>pos::ui::AttachmentPicker</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Choose a photo or scan</source>
        <translation>选择照片或扫描件</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>pos::ui::DeviceChooser</name>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Choose a device or type an address</source>
        <translation>选择设备或输入地址</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (not found now)</source>
        <translation>%1（当前未找到）</translation>
    </message>
    <message>
        <source>No device for this role.</source>
        <translation>此用途未指定设备。</translation>
    </message>
    <message>
        <source>Connecting to %1 …</source>
        <translation>正在连接 %1 …</translation>
    </message>
    <message>
        <source>Devices are not available.</source>
        <translation>设备不可用。</translation>
    </message>
    <message>
        <source>Testing …</source>
        <translation>正在测试 …</translation>
    </message>
</context>
<context>
    <name>pos::ui::DevicesPage</name>
    <message>
        <source>Receipt printer, PIN pad, scanner and the link to the acquirer.</source>
        <translation>小票打印机、密码键盘、扫码枪以及与收单机构的连接。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Acquirer host</source>
        <translation>收单主机</translation>
    </message>
    <message>
        <source>Devices this shop uses</source>
        <translation>本店使用的设备</translation>
    </message>
    <message>
        <source>Receipts that did not print</source>
        <translation>未打印成功的小票</translation>
    </message>
</context>
<context>
    <name>pos::ui::FeaturesStep</name>
    <message>
        <source>Features</source>
        <translation>开通功能</translation>
    </message>
    <message>
        <source>What the terminal should do. Choose at least one way to take payments.</source>
        <translation>终端需要开通的功能。请至少选择一种收款方式。</translation>
    </message>
    <message>
        <source>Requested functions</source>
        <translation>申请开通的功能</translation>
    </message>
    <message>
        <source>Magnetic stripe (swipe)</source>
        <translation>磁条卡（刷卡）</translation>
    </message>
    <message>
        <source>Chip card (IC)</source>
        <translation>芯片卡（IC 卡）</translation>
    </message>
    <message>
        <source>Contactless (闪付)</source>
        <translation>挥卡（闪付）</translation>
    </message>
    <message>
        <source>QR code payments (扫码)</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Pre-authorisation</source>
        <translation>预授权</translation>
    </message>
</context>
<context>
    <name>pos::ui::LanguageManager</name>
    <message>
        <source>This language is not available.</source>
        <translation>不支持此语言。</translation>
    </message>
    <message>
        <source>The translation could not be loaded.</source>
        <translation>无法加载翻译。</translation>
    </message>
</context>
<context>
    <name>pos::ui::LegalRepresentativeStep</name>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>The person named on the business licence (法定代表人) and their identity card.</source>
        <translation>营业执照上登记的法定代表人及其身份证。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <source>ID validity</source>
        <translation>证件有效期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Identity card, front side</source>
        <translation>身份证正面（人像面）</translation>
    </message>
    <message>
        <source>Identity card, back side</source>
        <translation>身份证反面（国徽面）</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位字符</translation>
    </message>
    <message>
        <source>Long-term (长期)</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>pos::ui::LicenceStep</name>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>As printed on the business licence (营业执照).</source>
        <translation>与营业执照上登记的一致。</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name on the licence</source>
        <translation>营业执照上的名称</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Photo or scan</source>
        <translation>照片或扫描件</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位字符</translation>
    </message>
    <message>
        <source>Long-term (长期)</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>pos::ui::MainWindow</name>
    <message>
        <source>Merchant POS — Demo</source>
        <translation>商户收银台 — 演示</translation>
    </message>
    <message>
        <source>Merchant POS</source>
        <translation>商户收银台</translation>
    </message>
</context>
<context>
    <name>pos::ui::MerchantStep</name>
    <message>
        <source>Choose the shop&apos;s business…</source>
        <translation>请选择店铺经营类目…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Who the shop is and how the acquirer reaches it.</source>
        <translation>店铺信息及收单机构的联系方式。</translation>
    </message>
    <message>
        <source>Registered name</source>
        <translation>注册名称</translation>
    </message>
    <message>
        <source>Shop (signboard) name</source>
        <translation>店铺名称（招牌名）</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Business category</source>
        <translation>经营类目</translation>
    </message>
    <message>
        <source>11 digits, e.g. 139 1234 5678</source>
        <translation>11 位数字，如 139 1234 5678</translation>
    </message>
</context>
<context>
    <name>pos::ui::OnboardingPanel</name>
    <message>
        <source>Check review status</source>
        <translation>查询审核状态</translation>
    </message>
    <message>
        <source>Onboarding is unavailable on this terminal right now.</source>
        <translation>本终端暂时无法进件。</translation>
    </message>
    <message>
        <source>Start onboarding</source>
        <translation>开始进件</translation>
    </message>
    <message>
        <source>Onboarding: not submitted yet. Fill in the application and submit it to the acquirer.</source>
        <translation>商户进件：尚未提交。请填写申请并提交给收单机构。</translation>
    </message>
    <message>
        <source>Continue onboarding</source>
        <translation>继续进件</translation>
    </message>
    <message>
        <source>Onboarding: submitting the application to the acquirer…</source>
        <translation>商户进件：正在向收单机构提交申请…</translation>
    </message>
    <message>
        <source>View the application</source>
        <translation>查看申请</translation>
    </message>
    <message>
        <source>Onboarding: submitted. The acquirer has received the application.</source>
        <translation>商户进件：已提交，收单机构已收到申请。</translation>
    </message>
    <message>
        <source>Onboarding: under review by the acquirer. This usually takes one to three working days.</source>
        <translation>商户进件：收单机构审核中，通常需要一至三个工作日。</translation>
    </message>
    <message>
        <source>Onboarding: approved. The terminal can now be activated.</source>
        <translation>商户进件：已通过，现在可以激活终端。</translation>
    </message>
    <message>
        <source>Onboarding: rejected. Correct the application and submit it again.</source>
        <translation>商户进件：未通过。请修改申请后重新提交。</translation>
    </message>
    <message>
        <source>Correct the application</source>
        <translation>修改申请</translation>
    </message>
</context>
<context>
    <name>pos::ui::OnboardingWizard</name>
    <message>
        <source>Merchant onboarding</source>
        <translation>商户进件</translation>
    </message>
</context>
<context>
    <name>pos::ui::ReportsPage</name>
    <message>
        <source>Today&apos;s takings, tenders, hours, cashiers and products.</source>
        <translation>今日营业额，按支付方式、时段、收银员和商品统计。</translation>
    </message>
    <message>
        <source>The dashboard and the day, week and month reports (with CSV and PDF export) appear here once the ledger records sales.</source>
        <translation>账本开始记录销售后，此处将显示经营概览及日、周、月报表（可导出 CSV 和 PDF）。</translation>
    </message>
</context>
<context>
    <name>pos::ui::ReprintQueue</name>
    <message>
        <source>Reprint</source>
        <translation>重打印</translation>
    </message>
    <message>
        <source>Printing is not available.</source>
        <translation>打印功能不可用。</translation>
    </message>
    <message>
        <source>Receipt %1, %2: %3</source>
        <translation>小票 %1，%2：%3</translation>
    </message>
    <message>
        <source>Every receipt has been printed.</source>
        <translation>所有小票均已打印。</translation>
    </message>
    <message>
        <source>Receipt %1 is being printed again.</source>
        <translation>小票 %1 正在重新打印。</translation>
    </message>
</context>
<context>
    <name>pos::ui::ReviewStep</name>
    <message>
        <source>Review and submit</source>
        <translation>核对并提交</translation>
    </message>
    <message>
        <source>Check the application, then submit it to the acquirer.</source>
        <translation>请核对申请信息，然后提交给收单机构。</translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation>尚未提交。</translation>
    </message>
    <message>
        <source>Submitting to the acquirer…</source>
        <translation>正在提交给收单机构…</translation>
    </message>
    <message>
        <source>Submitted. Waiting for the acquirer&apos;s review.</source>
        <translation>已提交，等待收单机构审核。</translation>
    </message>
    <message>
        <source>The acquirer is reviewing the application.</source>
        <translation>收单机构正在审核申请。</translation>
    </message>
    <message>
        <source>Approved. The terminal can now be activated.</source>
        <translation>审核已通过，现在可以激活终端。</translation>
    </message>
    <message>
        <source>Rejected. Correct what is listed below and submit again.</source>
        <translation>审核未通过。请修改下列问题后重新提交。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Submit again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>查询状态</translation>
    </message>
    <message>
        <source>Cancel submission</source>
        <translation>取消提交</translation>
    </message>
    <message>
        <source>What the acquirer asks to correct:</source>
        <translation>收单机构要求修改的内容：</translation>
    </message>
    <message>
        <source>long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>swipe</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>chip</source>
        <translation>插卡</translation>
    </message>
    <message>
        <source>contactless</source>
        <translation>挥卡/闪付</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>refunds</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>pre-authorisation</source>
        <translation>预授权</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>  Registered name: %1</source>
        <translation>  注册名称：%1</translation>
    </message>
    <message>
        <source>  Shop name: %1</source>
        <translation>  店铺名称：%1</translation>
    </message>
    <message>
        <source>  Address: %1</source>
        <translation>  地址：%1</translation>
    </message>
    <message>
        <source>  Contact: %1, %2</source>
        <translation>  联系人：%1，%2</translation>
    </message>
    <message>
        <source>  Business category: %1</source>
        <translation>  经营类目：%1</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>  Unified social credit code: %1</source>
        <translation>  统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>  Name: %1</source>
        <translation>  姓名：%1</translation>
    </message>
    <message>
        <source>  Valid until: %1</source>
        <translation>  有效期至：%1</translation>
    </message>
    <message>
        <source>  Scan: %1</source>
        <translation>  照片/扫描件：%1</translation>
    </message>
    <message>
        <source>Tax registration</source>
        <translation>税务登记</translation>
    </message>
    <message>
        <source>  Taxpayer type: %1</source>
        <translation>  纳税人类型：%1</translation>
    </message>
    <message>
        <source>general</source>
        <translation>一般纳税人</translation>
    </message>
    <message>
        <source>small-scale</source>
        <translation>小规模纳税人</translation>
    </message>
    <message>
        <source>  Tax id: %1</source>
        <translation>  税号：%1</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>  ID number: %1</source>
        <translation>  证件号码：%1</translation>
    </message>
    <message>
        <source>  ID scans: %1, %2</source>
        <translation>  身份证照片：%1，%2</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>  Type: %1</source>
        <translation>  类型：%1</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>对私</translation>
    </message>
    <message>
        <source>corporate</source>
        <translation>对公</translation>
    </message>
    <message>
        <source>  Account name: %1</source>
        <translation>  账户名称：%1</translation>
    </message>
    <message>
        <source>  Account number: %1</source>
        <translation>  账号：%1</translation>
    </message>
    <message>
        <source>  Bank: %1, %2</source>
        <translation>  开户银行：%1，%2</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>开通功能：%1</translation>
    </message>
    <message>
        <source>Agreement: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>version %1 signed by %2, settlement %3</source>
        <translation>第 %1 版，由%2签署，结算周期 %3</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Submission stopped. What was sent stays with the acquirer; submit again to continue.</source>
        <translation>已停止提交。已发送的内容仍保留在收单机构；重新提交即可继续。</translation>
    </message>
</context>
<context>
    <name>pos::ui::SellPage</name>
    <message>
        <source>Ring up sales with cash, UnionPay cards and QR payment codes.</source>
        <translation>使用现金、银联卡和付款码收款。</translation>
    </message>
    <message>
        <source>Go to activation</source>
        <translation>前往激活</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>UnionPay card</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>The sale screen (barcode scanning, lines, discounts, split tender and receipts) arrives with the selling feature.</source>
        <translation>收银界面（扫码、商品行、折扣、组合支付和小票）将随收银功能一同提供。</translation>
    </message>
    <message>
        <source>This terminal is activated and ready to sell.</source>
        <translation>本终端已激活，可以收银。</translation>
    </message>
    <message>
        <source>This terminal is not activated yet. Selling is enabled once the acquirer has approved the shop and the PIN pad is activated with the first swipe.</source>
        <translation>本终端尚未激活。收单机构审核通过且密码键盘完成首刷激活后即可收银。</translation>
    </message>
    <message>
        <source>Scanned items</source>
        <translation>已扫描商品</translation>
    </message>
    <message>
        <source>Available once the terminal is activated.</source>
        <translation>终端激活后可用。</translation>
    </message>
    <message>
        <source>The acquirer has not enabled card payments for this terminal.</source>
        <translation>收单机构尚未为本终端开通银行卡收款。</translation>
    </message>
    <message>
        <source>The acquirer has not enabled QR code payments for this terminal.</source>
        <translation>收单机构尚未为本终端开通扫码收款。</translation>
    </message>
</context>
<context>
    <name>pos::ui::SettingsPage</name>
    <message>
        <source>Language, data location and this installation.</source>
        <translation>语言、数据位置及本机安装信息。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Demo (local simulators, no real money moves)</source>
        <translation>演示（本地模拟器，不产生真实资金往来）</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>正式</translation>
    </message>
</context>
<context>
    <name>pos::ui::SettlementPage</name>
    <message>
        <source>Close the batch with the acquirer and reconcile the totals.</source>
        <translation>与收单机构结算批次并核对总额。</translation>
    </message>
    <message>
        <source>Batch settlement, reconciliation and the expected payout per batch appear here once the terminal is linked to the acquirer.</source>
        <translation>终端接入收单机构后，此处将显示批结算、对账及每批预计到账金额。</translation>
    </message>
</context>
<context>
    <name>pos::ui::SettlementStep</name>
    <message>
        <source>Bank of this card: %1</source>
        <translation>此卡所属银行：%1</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>Where the acquirer pays the shop&apos;s takings.</source>
        <translation>收单机构将店铺营业款结算到此账户。</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Branch (开户行)</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Corporate account (对公), in the licence&apos;s name</source>
        <translation>对公账户（户名须与营业执照一致）</translation>
    </message>
    <message>
        <source>Personal card (对私), in the legal representative&apos;s name</source>
        <translation>对私账户（法定代表人本人银行卡）</translation>
    </message>
</context>
<context>
    <name>pos::ui::ShellText</name>
    <message>
        <source>Sell</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Not onboarded</source>
        <translation>未进件</translation>
    </message>
    <message>
        <source>Onboarding in progress</source>
        <translation>进件中</translation>
    </message>
    <message>
        <source>Awaiting activation</source>
        <translation>待激活</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>已激活</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>PIN pad</source>
        <translation>密码键盘</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Unsynced: —</source>
        <translation>未同步：—</translation>
    </message>
    <message numerus="yes">
        <source>Unsynced: %n</source>
        <translation>
            <numerusform>未同步：%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pos::ui::StatusPanel</name>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Demo mode: local simulators, no real money moves</source>
        <translation>演示模式：本地模拟器，不产生真实资金往来</translation>
    </message>
    <message>
        <source>Activation: %1</source>
        <translation>激活：%1</translation>
    </message>
    <message>
        <source>Acquirer: %1</source>
        <translation>收单：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The ledger is not connected yet</source>
        <translation>账本尚未接入</translation>
    </message>
    <message>
        <source>Ledger entries not yet acknowledged by the acquirer</source>
        <translation>尚未得到收单机构确认的账本记录</translation>
    </message>
    <message>
        <source>Ledger: error</source>
        <translation>账本：错误</translation>
    </message>
</context>
<context>
    <name>pos::ui::TaxStep</name>
    <message>
        <source>Tax registration</source>
        <translation>税务登记</translation>
    </message>
    <message>
        <source>Since 三证合一 the tax id is the licence&apos;s unified social credit code.</source>
        <translation>三证合一后，税号即营业执照上的统一社会信用代码。</translation>
    </message>
    <message>
        <source>Taxpayer type</source>
        <translation>纳税人类型</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Small-scale taxpayer (小规模纳税人)</source>
        <translation>小规模纳税人</translation>
    </message>
    <message>
        <source>General taxpayer (一般纳税人)</source>
        <translation>一般纳税人</translation>
    </message>
</context>
<context>
    <name>pos::ui::WizardFormPage</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The page could not be saved.</source>
        <translation>无法保存此页。</translation>
    </message>
</context>
<context>
    <name>pos::validation::BankAccounts</name>
    <message>
        <source>Character %1 (“%2”) is not a digit: an account number has digits only.</source>
        <translation>第 %1 位（“%2”）不是数字：账号只能由数字组成。</translation>
    </message>
    <message>
        <source>Enter the bank card number.</source>
        <translation>请输入银行卡号。</translation>
    </message>
    <message numerus="yes">
        <source>A bank card number has 12 to 19 digits; this one has %n.</source>
        <translation>
            <numerusform>银行卡号应为 12 至 19 位数字；此号码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>The card number fails its check digit (Luhn): at least one digit is wrong or two digits are swapped.</source>
        <translation>卡号校验位（Luhn）不符：至少有一位数字输错，或有两位数字颠倒。</translation>
    </message>
    <message>
        <source>Valid card number. Its bank is not in the built-in list: choose the bank by hand.</source>
        <translation>卡号有效。其所属银行不在内置列表中，请手动选择开户银行。</translation>
    </message>
    <message>
        <source>Valid card number (%1).</source>
        <translation>卡号有效（%1）。</translation>
    </message>
    <message>
        <source>Enter the corporate account number.</source>
        <translation>请输入对公账号。</translation>
    </message>
    <message numerus="yes">
        <source>A corporate account number has 8 to 30 digits; this one has %n.</source>
        <translation>
            <numerusform>对公账号应为 8 至 30 位数字；此号码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>This looks like a personal bank card of %1; a settlement account for a company must be a corporate account (对公账户).</source>
        <translation>这看起来是%1的个人银行卡；企业的结算账户必须是对公账户。</translation>
    </message>
    <message>
        <source>Valid corporate account number.</source>
        <translation>对公账号有效。</translation>
    </message>
</context>
<context>
    <name>pos::validation::BankBins</name>
    <message>
        <source>The bank card BIN table is damaged.</source>
        <translation>银行卡 BIN 表已损坏。</translation>
    </message>
</context>
<context>
    <name>pos::validation::ChineseIds</name>
    <message>
        <source>The check character (position %1) is “%2”, but the characters before it give “%3”: one of the characters is mistyped.</source>
        <translation>校验位（第 %1 位）是“%2”，但按前面的字符应为“%3”：有字符输错了。</translation>
    </message>
    <message>
        <source>Enter the 18-character unified social credit code.</source>
        <translation>请输入 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <source>Character %1 is “%2”: a unified social credit code never uses the letters I, O, Z, S or V.</source>
        <translation>第 %1 位是“%2”：统一社会信用代码不使用字母 I、O、Z、S、V。</translation>
    </message>
    <message>
        <source>Character %1 (“%2”) is not allowed: a unified social credit code has only digits and capital letters other than I, O, Z, S and V.</source>
        <translation>第 %1 位（“%2”）不允许：统一社会信用代码只含数字和除 I、O、Z、S、V 以外的大写字母。</translation>
    </message>
    <message numerus="yes">
        <source>A unified social credit code has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>统一社会信用代码应为 18 位；此代码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 (“%2”) must be a digit: characters 3 to 8 are the administrative division code.</source>
        <translation>第 %1 位（“%2”）必须是数字：第 3 至 8 位是行政区划代码。</translation>
    </message>
    <message>
        <source>Valid unified social credit code.</source>
        <translation>统一社会信用代码有效。</translation>
    </message>
    <message>
        <source>Enter the 18-character resident ID number.</source>
        <translation>请输入 18 位居民身份证号码。</translation>
    </message>
    <message>
        <source>Character %1 (“%2”) is not allowed: a resident ID number has 17 digits followed by a digit or X.</source>
        <translation>第 %1 位（“%2”）不允许：居民身份证号码由 17 位数字加一位数字或 X 组成。</translation>
    </message>
    <message>
        <source>This is a 15-digit first-generation ID number; enter the 18-character number of the current resident ID card.</source>
        <translation>这是 15 位的第一代身份证号码；请输入现行居民身份证上的 18 位号码。</translation>
    </message>
    <message numerus="yes">
        <source>A resident ID number has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>居民身份证号码应为 18 位；此号码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>The number starts with %1, which is not a province code (GB/T 2260): check the first two digits.</source>
        <translation>号码以 %1 开头，这不是省级行政区划代码（GB/T 2260）：请检查前两位。</translation>
    </message>
    <message>
        <source>Characters 7 to 14 are the date of birth, but %1-%2-%3 is not a real date.</source>
        <translation>第 7 至 14 位是出生日期，但 %1-%2-%3 不是有效日期。</translation>
    </message>
    <message>
        <source>The date of birth %1 is before 1900.</source>
        <translation>出生日期 %1 早于 1900 年。</translation>
    </message>
    <message>
        <source>The date of birth %1 is in the future.</source>
        <translation>出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>Valid resident ID number.</source>
        <translation>居民身份证号码有效。</translation>
    </message>
</context>
<context>
    <name>pos::validation::ContactDetails</name>
    <message>
        <source>Character %1 (“%2”) is not allowed in a person&apos;s name.</source>
        <translation>姓名中不允许第 %1 位字符（“%2”）。</translation>
    </message>
    <message>
        <source>Enter the mobile number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>Only mainland China mobile numbers (+86) are accepted.</source>
        <translation>只接受中国大陆手机号码（+86）。</translation>
    </message>
    <message>
        <source>Character %1 (“%2”) is not a digit.</source>
        <translation>第 %1 位（“%2”）不是数字。</translation>
    </message>
    <message numerus="yes">
        <source>A mainland mobile number has 11 digits; this one has %n.</source>
        <translation>
            <numerusform>大陆手机号码应为 11 位数字；此号码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>A mainland mobile number starts with 13 to 19, not %1.</source>
        <translation>大陆手机号码以 13 至 19 开头，而不是 %1。</translation>
    </message>
    <message>
        <source>Valid mobile number.</source>
        <translation>手机号码有效。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>A name is written either in Chinese characters or in Latin letters, not both.</source>
        <translation>姓名只能使用汉字或拉丁字母之一，不能混用。</translation>
    </message>
    <message>
        <source>The middle dot · (character %1) must stand between two parts of the name.</source>
        <translation>间隔号 ·（第 %1 位）必须位于姓名的两部分之间。</translation>
    </message>
    <message numerus="yes">
        <source>A name has 2 to 30 characters; this one has %n.</source>
        <translation>
            <numerusform>姓名应为 2 至 30 个字符；此姓名有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid name.</source>
        <translation>姓名有效。</translation>
    </message>
    <message>
        <source>Enter the business name.</source>
        <translation>请输入商户名称。</translation>
    </message>
    <message>
        <source>Character %1 (“%2”) is not allowed in a business name.</source>
        <translation>商户名称中不允许第 %1 位字符（“%2”）。</translation>
    </message>
    <message numerus="yes">
        <source>A business name has 2 to 100 characters; this one has %n.</source>
        <translation>
            <numerusform>商户名称应为 2 至 100 个字符；此名称有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid business name.</source>
        <translation>商户名称有效。</translation>
    </message>
    <message>
        <source>The account name must be exactly the company name on the business licence.</source>
        <translation>账户名称必须与营业执照上的企业名称完全一致。</translation>
    </message>
    <message>
        <source>The account name must be exactly the legal representative&apos;s name.</source>
        <translation>账户名称必须与法定代表人姓名完全一致。</translation>
    </message>
</context>
</TS>
