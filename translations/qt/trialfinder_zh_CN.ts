<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutPage</name>
    <message>
        <source>About the study</source>
        <translation>关于这项研究</translation>
    </message>
    <message>
        <source>{hospital}, in {place}. The site is {status}.</source>
        <translation>{hospital}，位于{place}。该研究中心{status}。</translation>
    </message>
    <message>
        <source>The record lists no hospital yet.</source>
        <translation>登记记录中还没有列出医院。</translation>
    </message>
    <message>
        <source>It plans to take {least} to {count} children in all.</source>
        <translation>计划一共招收{least}到{count}个孩子。</translation>
    </message>
    <message>
        <source>This is the only hospital in the study.</source>
        <translation>这是这项研究唯一的医院。</translation>
    </message>
    <message>
        <source>ClinicalTrials.gov number {nct_id}. Study code {code}. Sponsor: {sponsor}.</source>
        <translation>ClinicalTrials.gov 登记号 {nct_id}。研究编号 {code}。申办方：{sponsor}。</translation>
    </message>
</context>
<context>
    <name>DateAnswer</name>
    <message>
        <source>for example 2026-03-31</source>
        <translation>例如 2026-03-31</translation>
    </message>
    <message>
        <source>Please write the date year first, like 2026-03-31, or leave it empty.</source>
        <translation>请按年-月-日填写日期，例如2026-03-31，或者不填。</translation>
    </message>
    <message>
        <source>This date is in the future or too long ago. Please check it, or leave it empty.</source>
        <translation>这个日期是将来的日期，或者太早了。请核对，或者不填。</translation>
    </message>
</context>
<context>
    <name>EgfrAnswer</name>
    <message>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>血肌酐</translation>
    </message>
    <message>
        <source>Height in cm</source>
        <translation>身高（厘米）</translation>
    </message>
    <message>
        <source>Serum creatinine, from the lab report</source>
        <translation>血肌酐（来自化验单）</translation>
    </message>
    <message>
        <source>Unit of the creatinine result</source>
        <translation>血肌酐结果的单位</translation>
    </message>
    <message>
        <source>Estimated kidney function (eGFR): about {egfr} mL/min/1.73 m².</source>
        <translation>估算的肾功能（eGFR）：约 {egfr} mL/min/1.73 m²。</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>在，我还在</translation>
    </message>
    <message>
        <source>Staff: enter the PIN to leave kiosk mode</source>
        <translation>工作人员：输入密码以退出自助模式</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>TrialFinder did not start</source>
        <translation>TrialFinder 没有启动</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Something went wrong there. Your answers are kept; please try again.</source>
        <translation>刚才出了点问题。您的回答都还在，请再试一次。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The tally could not be saved.</source>
        <translation>统计无法保存。</translation>
    </message>
    <message>
        <source>TrialFinder</source>
        <translation>TrialFinder 临床研究查询</translation>
    </message>
    <message>
        <source>Start with the next family? Every answer on screen will be forgotten.</source>
        <translation>开始下一个家庭吗？屏幕上的所有回答都会被清除。</translation>
    </message>
    <message>
        <source>Yes, next family</source>
        <translation>是，下一个家庭</translation>
    </message>
    <message>
        <source>Start again? Every answer will be forgotten.</source>
        <translation>要重新开始吗？所有回答都会被清除。</translation>
    </message>
    <message>
        <source>Yes, start again</source>
        <translation>是，重新开始</translation>
    </message>
    <message>
        <source>No, keep my answers</source>
        <translation>不，保留我的回答</translation>
    </message>
    <message>
        <source>Close TrialFinder?</source>
        <translation>要关闭 TrialFinder 吗？</translation>
    </message>
    <message>
        <source>Your answers are not saved. Save them before closing, so you can carry on later?</source>
        <translation>您的回答还没有保存。要在关闭前保存吗？这样以后可以接着填写。</translation>
    </message>
    <message>
        <source>Save my answers</source>
        <translation>保存我的回答</translation>
    </message>
    <message>
        <source>Close and forget the answers on screen?</source>
        <translation>要关闭并清除屏幕上的回答吗？</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存，直接关闭</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open saved answers?</source>
        <translation>打开已保存的回答？</translation>
    </message>
    <message>
        <source>The answers on screen are not saved. The answers in the file will replace them.</source>
        <translation>屏幕上的回答还没有保存。文件里的回答会替换它们。</translation>
    </message>
    <message>
        <source>Yes, open a file</source>
        <translation>是，打开文件</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>检查您的回答</translation>
    </message>
    <message>
        <source>Next family</source>
        <translation>下一个家庭</translation>
    </message>
    <message>
        <source>Next family: forget every answer and start again</source>
        <translation>下一个家庭：清除所有回答，重新开始</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start again, forgetting every answer</source>
        <translation>重新开始，清除所有回答</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>保存回答</translation>
    </message>
    <message>
        <source>Save your answers so far, to carry on later</source>
        <translation>保存目前的回答，以后接着填写</translation>
    </message>
    <message>
        <source>Save your answers so far (Ctrl+S)</source>
        <translation>保存目前的回答（Ctrl+S）</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Tally of screenings</source>
        <translation>筛查统计</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>查看结果</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>页面内容</translation>
    </message>
    <message>
        <source>Scroll with the arrow keys</source>
        <translation>用方向键上下滚动</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>About the study</source>
        <translation>关于这项研究</translation>
    </message>
    <message>
        <source>Your result</source>
        <translation>您的结果</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
</context>
<context>
    <name>NumberAnswer</name>
    <message>
        <source>Your answer</source>
        <translation>您的回答</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{low} to {high}</source>
        <translation>{low}到{high}</translation>
    </message>
    <message>
        <source>Please enter a whole number, like 2.</source>
        <translation>请输入一个整数，例如 2。</translation>
    </message>
    <message>
        <source>Please enter a number, like 3.5, using digits.</source>
        <translation>请用数字输入，例如 3.5。</translation>
    </message>
    <message>
        <source>Please enter a whole number from {low} to {high}.</source>
        <translation>请输入{low}到{high}之间的整数。</translation>
    </message>
    <message>
        <source>This number is outside what we expect: please enter a number from {low} to {high} {unit}, or choose &quot;Not sure&quot;.</source>
        <translation>这个数字超出了正常可能的范围：请输入{low}到{high}（单位：{unit}）之间的数字，或者选择“不确定”。</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>Why we ask</source>
        <translation>为什么问这个</translation>
    </message>
    <message>
        <source>Why we ask: {question}</source>
        <translation>为什么问这个：{question}</translation>
    </message>
    <message>
        <source>The registry&apos;s exact words</source>
        <translation>登记原文</translation>
    </message>
    <message>
        <source>The registry&apos;s exact words for: {question}</source>
        <translation>登记原文：{question}</translation>
    </message>
    <message>
        <source>ClinicalTrials.gov, criterion {id}, in English:</source>
        <translation>ClinicalTrials.gov 登记的原文（英文），{id}：</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>See the result now</source>
        <translation>现在查看结果</translation>
    </message>
</context>
<context>
    <name>RatioAnswer</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Upper limit of normal</source>
        <translation>正常值上限</translation>
    </message>
    <message>
        <source>Result: {what}</source>
        <translation>结果：{what}</translation>
    </message>
    <message>
        <source>Upper limit of normal, from the same report</source>
        <translation>正常值上限（同一张化验单）</translation>
    </message>
    <message>
        <source>About {ratio} times the upper limit of normal.</source>
        <translation>约为正常值上限的 {ratio} 倍。</translation>
    </message>
</context>
<context>
    <name>RelatedView</name>
    <message>
        <source>Looking for newer information on ClinicalTrials.gov…</source>
        <translation>正在 ClinicalTrials.gov 上查找最新信息……</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open {address} in the browser</source>
        <translation>在浏览器中打开 {address}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>If an answer was wrong, go back and change it. You can also contact the study team: they may see things differently.</source>
        <translation>如果某个回答有误，可以返回修改。您也可以联系研究团队：他们可能会有不同的判断。</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation>小结的语言</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>把小结保存为PDF</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>打印小结</translation>
    </message>
    <message>
        <source>Save answers to carry on later</source>
        <translation>保存回答，以后接着填</translation>
    </message>
    <message>
        <source>{place}. This site is {status}.</source>
        <translation>{place}。该研究中心{status}。</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>复制电话号码</translation>
    </message>
    <message>
        <source>Copy the phone number {phone}</source>
        <translation>复制电话号码 {phone}</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>拨打电话</translation>
    </message>
    <message>
        <source>Call {name} at {phone}</source>
        <translation>拨打 {name} 的电话 {phone}</translation>
    </message>
    <message>
        <source>QR code with the study team&apos;s phone number</source>
        <translation>含研究团队电话号码的二维码</translation>
    </message>
    <message>
        <source>Copied: {phone}</source>
        <translation>已复制：{phone}</translation>
    </message>
    <message>
        <source>Show the registry&apos;s exact words</source>
        <translation>显示登记原文</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Change the answer to: {question}</source>
        <translation>修改这个问题的回答：{question}</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>检查您的回答</translation>
    </message>
    <message>
        <source>Here is everything you told us. You can change any answer. &quot;Not answered&quot; and &quot;Not sure&quot; both mean we do not know yet: they never count as &quot;no&quot;.</source>
        <translation>这里是您告诉我们的全部情况。任何回答都可以修改。“未回答”和“不确定”都表示暂不清楚，绝不会被当作“否”。</translation>
    </message>
</context>
<context>
    <name>Takeaway</name>
    <message>
        <source>The summary could not be saved there ({reason}). Please choose another place.</source>
        <translation>小结无法保存到那里（{reason}）。请换一个位置。</translation>
    </message>
    <message>
        <source>Summary saved: {path}</source>
        <translation>小结已保存：{path}</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>把小结保存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The summary was sent to the printer.</source>
        <translation>小结已发送到打印机。</translation>
    </message>
    <message>
        <source>Your answers could not be saved there ({reason}). Please choose another place.</source>
        <translation>回答无法保存到那里（{reason}）。请换一个位置。</translation>
    </message>
    <message>
        <source>Answers saved: {path}</source>
        <translation>回答已保存：{path}</translation>
    </message>
    <message>
        <source>Save your answers</source>
        <translation>保存您的回答</translation>
    </message>
    <message>
        <source>TrialFinder answers (*.json)</source>
        <translation>TrialFinder 回答文件 (*.json)</translation>
    </message>
    <message>
        <source>This file could not be read, or it is damaged.</source>
        <translation>这个文件无法读取，或者已经损坏。</translation>
    </message>
    <message>
        <source>This file is not a TrialFinder answers file.</source>
        <translation>这不是 TrialFinder 的回答文件。</translation>
    </message>
    <message>
        <source>This file holds answers for a different study.</source>
        <translation>这个文件里是另一项研究的回答。</translation>
    </message>
    <message>
        <source>This file was saved by a newer TrialFinder.</source>
        <translation>这个文件是由更新版本的 TrialFinder 保存的。</translation>
    </message>
    <message>
        <source>Some answers in this file are not valid.</source>
        <translation>这个文件里有些回答无效。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>Your saved answers are back. Check them, then see the result.</source>
        <translation>已恢复您保存的回答。请检查一下，然后查看结果。</translation>
    </message>
    <message>
        <source>Open saved answers</source>
        <translation>打开已保存的回答</translation>
    </message>
</context>
<context>
    <name>TallyPage</name>
    <message>
        <source>Tally of screenings</source>
        <translation>筛查统计</translation>
    </message>
    <message>
        <source>Kept on this computer only: the date, the result, and which criteria stood in the way or were not known. No names, ages or answers.</source>
        <translation>只保存在这台电脑上：日期、结果，以及哪些条件不符合或暂不清楚。不含姓名、年龄或任何回答。</translation>
    </message>
    <message>
        <source>Screenings: {count}</source>
        <translation>筛查次数：{count}</translation>
    </message>
    <message>
        <source>Most often not known</source>
        <translation>最常暂不清楚的条件</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>暂时没有。</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>导出为CSV</translation>
    </message>
    <message>
        <source>Export the tally as a CSV file</source>
        <translation>把统计导出为CSV文件</translation>
    </message>
    <message>
        <source>The tally could not be exported there ({reason}). Please choose another place.</source>
        <translation>统计无法导出到那里（{reason}）。请选择其他位置。</translation>
    </message>
    <message>
        <source>Tally exported: {path}</source>
        <translation>统计已导出：{path}</translation>
    </message>
    <message>
        <source>Export the tally</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>This app does not decide anything and does not give medical advice. Only the study team decides who can take part.</source>
        <translation>这个应用不做任何决定，也不提供医疗建议。谁能参加，只由研究团队决定。</translation>
    </message>
    <message>
        <source>You can answer &quot;Not sure&quot; to any question. That is fine: it never counts as &quot;no&quot;. You can go back and change any answer.</source>
        <translation>任何问题都可以回答“不确定”。这没关系：它绝不会被当作“否”。您可以随时返回修改任何回答。</translation>
    </message>
    <message>
        <source>It takes about 10 minutes. If you have your child&apos;s recent lab reports or doctor&apos;s letters, keep them nearby. You can also do without them.</source>
        <translation>大约需要10分钟。如果有孩子最近的化验单或病历资料，可以放在手边。没有也可以。</translation>
    </message>
    <message>
        <source>Your answers are not saved or sent anywhere. When you finish, or if no one touches the screen for a while, this screen forgets them.</source>
        <translation>您的回答不会被保存，也不会发送到任何地方。您填完后，或者一段时间没有人碰屏幕时，屏幕会自动清除这些回答。</translation>
    </message>
    <message>
        <source>Your answers stay on this computer. Nothing is saved or sent anywhere unless you choose to save it.</source>
        <translation>您的回答只留在这台电脑上。除非您选择保存，否则不会保存，也不会发送到任何地方。</translation>
    </message>
    <message>
        <source>Open answers you saved before</source>
        <translation>打开以前保存的回答</translation>
    </message>
</context>
<context>
    <name>_NumbersAnswer</name>
    <message>
        <source>Please enter both numbers from the same report, or choose &quot;Not sure&quot;.</source>
        <translation>请输入同一张化验单上的两个数字，或者选择“不确定”。</translation>
    </message>
</context>
</TS>
