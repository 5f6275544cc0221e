<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutPage</name>
    <message>
        <source>About the study</source>
        <translation>關於這項研究</translation>
    </message>
    <message>
        <source>{hospital}, in {place}. The site is {status}.</source>
        <translation>{hospital}，位於{place}。這家試驗醫院{status}。</translation>
    </message>
    <message>
        <source>The record lists no hospital yet.</source>
        <translation>登錄紀錄中還沒有列出醫院。</translation>
    </message>
    <message>
        <source>It plans to take {least} to {count} children in all.</source>
        <translation>預計總共收{least}到{count}個孩子。</translation>
    </message>
    <message>
        <source>This is the only hospital in the study.</source>
        <translation>這是這項研究唯一的醫院。</translation>
    </message>
    <message>
        <source>ClinicalTrials.gov number {nct_id}. Study code {code}. Sponsor: {sponsor}.</source>
        <translation>ClinicalTrials.gov 登錄編號 {nct_id}。研究編號 {code}。試驗委託者：{sponsor}。</translation>
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
        <translation>請先寫年份，以年-月-日填寫日期，例如 2026-03-31，或留空。</translation>
    </message>
    <message>
        <source>This date is in the future or too long ago. Please check it, or leave it empty.</source>
        <translation>這個日期在未來，或太久以前。請再確認，或留空。</translation>
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
        <translation>血清肌酸酐</translation>
    </message>
    <message>
        <source>Height in cm</source>
        <translation>身高（公分）</translation>
    </message>
    <message>
        <source>Serum creatinine, from the lab report</source>
        <translation>血清肌酸酐（來自檢驗報告）</translation>
    </message>
    <message>
        <source>Unit of the creatinine result</source>
        <translation>肌酸酐結果的單位</translation>
    </message>
    <message>
        <source>Estimated kidney function (eGFR): about {egfr} mL/min/1.73 m².</source>
        <translation>估計的腎功能（eGFR）：約 {egfr} mL/min/1.73 m²。</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>刪除最後一位數字</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>在，我還在</translation>
    </message>
    <message>
        <source>Staff: enter the PIN to leave kiosk mode</source>
        <translation>工作人員：請輸入密碼以退出自助服務機模式</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助服務機模式</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>密碼不正確。</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>TrialFinder did not start</source>
        <translation>TrialFinder 沒有啟動</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Something went wrong there. Your answers are kept; please try again.</source>
        <translation>剛才出了點問題。您的回答都還在，請再試一次。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Start with the next family? Every answer on screen will be forgotten.</source>
        <translation>要換下一個家庭嗎？畫面上的所有回答都會被清除。</translation>
    </message>
    <message>
        <source>Yes, next family</source>
        <translation>是，換下一個家庭</translation>
    </message>
    <message>
        <source>Start again? Every answer will be forgotten.</source>
        <translation>要重新開始嗎？所有回答都會被清除。</translation>
    </message>
    <message>
        <source>Yes, start again</source>
        <translation>是，重新開始</translation>
    </message>
    <message>
        <source>No, keep my answers</source>
        <translation>不，保留我的回答</translation>
    </message>
    <message>
        <source>Open saved answers?</source>
        <translation>開啟已儲存的回答？</translation>
    </message>
    <message>
        <source>The answers on screen are not saved. The answers in the file will replace them.</source>
        <translation>螢幕上的回答還沒有儲存。檔案裡的回答會取代它們。</translation>
    </message>
    <message>
        <source>Yes, open a file</source>
        <translation>是，開啟檔案</translation>
    </message>
    <message>
        <source>The tally could not be saved.</source>
        <translation>統計資料無法儲存。</translation>
    </message>
    <message>
        <source>Your answers are not saved. Save them before closing, so you can carry on later?</source>
        <translation>您的回答還沒有儲存。要在關閉前儲存，以後可以接著填嗎？</translation>
    </message>
    <message>
        <source>Save my answers</source>
        <translation>儲存我的回答</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不儲存，直接關閉</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close and forget the answers on screen?</source>
        <translation>要關閉並清除畫面上的回答嗎？</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close TrialFinder?</source>
        <translation>要關閉 TrialFinder 嗎？</translation>
    </message>
    <message>
        <source>TrialFinder</source>
        <translation>TrialFinder</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>檢查您的回答</translation>
    </message>
    <message>
        <source>Next family</source>
        <translation>下一個家庭</translation>
    </message>
    <message>
        <source>Next family: forget every answer and start again</source>
        <translation>下一個家庭：清除所有回答，重新開始</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>Start again, forgetting every answer</source>
        <translation>重新開始，清除所有回答</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>儲存回答</translation>
    </message>
    <message>
        <source>Save your answers so far, to carry on later</source>
        <translation>儲存目前的回答，以後接著填</translation>
    </message>
    <message>
        <source>Save your answers so far (Ctrl+S)</source>
        <translation>儲存目前的回答（Ctrl+S）</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>統計</translation>
    </message>
    <message>
        <source>Tally of screenings</source>
        <translation>篩檢統計</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>查看結果</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>頁面內容</translation>
    </message>
    <message>
        <source>Scroll with the arrow keys</source>
        <translation>用方向鍵上下捲動</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <source>About the study</source>
        <translation>關於這項研究</translation>
    </message>
    <message>
        <source>Your result</source>
        <translation>您的結果</translation>
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
        <translation>請輸入一個整數，例如 2。</translation>
    </message>
    <message>
        <source>Please enter a number, like 3.5, using digits.</source>
        <translation>請用阿拉伯數字輸入，例如 3.5。</translation>
    </message>
    <message>
        <source>Please enter a whole number from {low} to {high}.</source>
        <translation>請輸入{low}到{high}之間的整數。</translation>
    </message>
    <message>
        <source>This number is outside what we expect: please enter a number from {low} to {high} {unit}, or choose &quot;Not sure&quot;.</source>
        <translation>這個數字超出了我們預期的範圍：請輸入{low}到{high}（單位：{unit}）之間的數字，或選「不確定」。</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>Why we ask</source>
        <translation>為什麼問這個</translation>
    </message>
    <message>
        <source>Why we ask: {question}</source>
        <translation>為什麼問這個：{question}</translation>
    </message>
    <message>
        <source>The registry&apos;s exact words</source>
        <translation>登錄原文</translation>
    </message>
    <message>
        <source>The registry&apos;s exact words for: {question}</source>
        <translation>登錄原文：{question}</translation>
    </message>
    <message>
        <source>ClinicalTrials.gov, criterion {id}, in English:</source>
        <translation>ClinicalTrials.gov 登錄的原文（英文），條件 {id}：</translation>
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
        <translation>現在查看結果</translation>
    </message>
</context>
<context>
    <name>RatioAnswer</name>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Upper limit of normal</source>
        <translation>正常值上限</translation>
    </message>
    <message>
        <source>Result: {what}</source>
        <translation>結果：{what}</translation>
    </message>
    <message>
        <source>Upper limit of normal, from the same report</source>
        <translation>正常值上限（同一份檢驗報告）</translation>
    </message>
    <message>
        <source>About {ratio} times the upper limit of normal.</source>
        <translation>約為正常值上限的 {ratio} 倍。</translation>
    </message>
</context>
<context>
    <name>RelatedView</name>
    <message>
        <source>Looking for newer information on ClinicalTrials.gov…</source>
        <translation>正在 ClinicalTrials.gov 上尋找較新的資料…</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>在瀏覽器中開啟</translation>
    </message>
    <message>
        <source>Open {address} in the browser</source>
        <translation>在瀏覽器中開啟 {address}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>If an answer was wrong, go back and change it. You can also contact the study team: they may see things differently.</source>
        <translation>如果某個回答有誤，可以回上一步修改。您也可以聯絡研究團隊：他們可能會有不同的判斷。</translation>
    </message>
    <message>
        <source>Language of the summary</source>
        <translation>摘要的語言</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>把摘要儲存為 PDF</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>列印摘要</translation>
    </message>
    <message>
        <source>Save answers to carry on later</source>
        <translation>儲存回答，以後接著填</translation>
    </message>
    <message>
        <source>{place}. This site is {status}.</source>
        <translation>{place}。這家試驗醫院{status}。</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>複製電話號碼</translation>
    </message>
    <message>
        <source>Copy the phone number {phone}</source>
        <translation>複製電話號碼 {phone}</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>撥打電話</translation>
    </message>
    <message>
        <source>Call {name} at {phone}</source>
        <translation>撥打電話給 {name}：{phone}</translation>
    </message>
    <message>
        <source>QR code with the study team&apos;s phone number</source>
        <translation>含有研究團隊電話號碼的 QR Code</translation>
    </message>
    <message>
        <source>Copied: {phone}</source>
        <translation>已複製：{phone}</translation>
    </message>
    <message>
        <source>Show the registry&apos;s exact words</source>
        <translation>顯示登錄原文</translation>
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
        <translation>修改這個問題的回答：{question}</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>檢查您的回答</translation>
    </message>
    <message>
        <source>Here is everything you told us. You can change any answer. &quot;Not answered&quot; and &quot;Not sure&quot; both mean we do not know yet: they never count as &quot;no&quot;.</source>
        <translation>這裡是您告訴我們的所有情況。每個回答都可以修改。「未回答」和「不確定」都表示暫時不清楚，絕不會被當作「否」。</translation>
    </message>
</context>
<context>
    <name>Takeaway</name>
    <message>
        <source>The summary could not be saved there ({reason}). Please choose another place.</source>
        <translation>摘要無法儲存到那裡（{reason}）。請選擇其他位置。</translation>
    </message>
    <message>
        <source>Summary saved: {path}</source>
        <translation>摘要已儲存：{path}</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>把摘要儲存為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>The summary was sent to the printer.</source>
        <translation>摘要已送到印表機。</translation>
    </message>
    <message>
        <source>Your answers could not be saved there ({reason}). Please choose another place.</source>
        <translation>回答無法儲存到那裡（{reason}）。請選擇其他位置。</translation>
    </message>
    <message>
        <source>Answers saved: {path}</source>
        <translation>回答已儲存：{path}</translation>
    </message>
    <message>
        <source>Save your answers</source>
        <translation>儲存您的回答</translation>
    </message>
    <message>
        <source>TrialFinder answers (*.json)</source>
        <translation>TrialFinder 回答檔案 (*.json)</translation>
    </message>
    <message>
        <source>This file could not be read, or it is damaged.</source>
        <translation>這個檔案無法讀取，或已經損壞。</translation>
    </message>
    <message>
        <source>This file is not a TrialFinder answers file.</source>
        <translation>這不是 TrialFinder 的回答檔案。</translation>
    </message>
    <message>
        <source>This file holds answers for a different study.</source>
        <translation>這個檔案裡是另一項研究的回答。</translation>
    </message>
    <message>
        <source>This file was saved by a newer TrialFinder.</source>
        <translation>這個檔案是由較新版本的 TrialFinder 儲存的。</translation>
    </message>
    <message>
        <source>Some answers in this file are not valid.</source>
        <translation>這個檔案裡有些回答無效。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>沒有做任何變更。</translation>
    </message>
    <message>
        <source>Your saved answers are back. Check them, then see the result.</source>
        <translation>已恢復您儲存的回答。請檢查一下，然後查看結果。</translation>
    </message>
    <message>
        <source>Open saved answers</source>
        <translation>開啟已儲存的回答</translation>
    </message>
</context>
<context>
    <name>TallyPage</name>
    <message>
        <source>Tally of screenings</source>
        <translation>篩檢統計</translation>
    </message>
    <message>
        <source>Kept on this computer only: the date, the result, and which criteria stood in the way or were not known. No names, ages or answers.</source>
        <translation>只保存在這台電腦上：日期、結果，以及哪些條件不符合或暫時不清楚。不含姓名、年齡或任何回答。</translation>
    </message>
    <message>
        <source>Screenings: {count}</source>
        <translation>篩檢次數：{count}</translation>
    </message>
    <message>
        <source>Most often not known</source>
        <translation>最常暫時不清楚的條件</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>目前還沒有。</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>匯出為 CSV</translation>
    </message>
    <message>
        <source>Export the tally as a CSV file</source>
        <translation>把統計匯出為 CSV 檔案</translation>
    </message>
    <message>
        <source>The tally could not be exported there ({reason}). Please choose another place.</source>
        <translation>統計無法匯出到那裡（{reason}）。請選擇其他位置。</translation>
    </message>
    <message>
        <source>Tally exported: {path}</source>
        <translation>統計已匯出：{path}</translation>
    </message>
    <message>
        <source>Export the tally</source>
        <translation>匯出統計</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>This app does not decide anything and does not give medical advice. Only the study team decides who can take part.</source>
        <translation>這個應用程式不做任何決定，也不提供醫療建議。誰能參加，只由研究團隊決定。</translation>
    </message>
    <message>
        <source>You can answer &quot;Not sure&quot; to any question. That is fine: it never counts as &quot;no&quot;. You can go back and change any answer.</source>
        <translation>每個問題都可以回答「不確定」。這沒關係：它絕不會被當作「否」。您可以回上一步修改任何回答。</translation>
    </message>
    <message>
        <source>It takes about 10 minutes. If you have your child&apos;s recent lab reports or doctor&apos;s letters, keep them nearby. You can also do without them.</source>
        <translation>大約需要10分鐘。如果有孩子最近的檢驗報告或醫師寫的病歷資料，可以放在手邊。沒有也可以。</translation>
    </message>
    <message>
        <source>Your answers are not saved or sent anywhere. When you finish, or if no one touches the screen for a while, this screen forgets them.</source>
        <translation>您的回答不會被儲存，也不會傳送到任何地方。您填完後，或有一段時間沒有人碰觸螢幕時，這個畫面會清除這些回答。</translation>
    </message>
    <message>
        <source>Your answers stay on this computer. Nothing is saved or sent anywhere unless you choose to save it.</source>
        <translation>您的回答只留在這台電腦上。除非您選擇儲存，否則不會儲存，也不會傳送到任何地方。</translation>
    </message>
    <message>
        <source>Open answers you saved before</source>
        <translation>開啟以前儲存的回答</translation>
    </message>
</context>
<context>
    <name>_NumbersAnswer</name>
    <message>
        <source>Please enter both numbers from the same report, or choose &quot;Not sure&quot;.</source>
        <translation>請輸入同一份檢驗報告上的兩個數字，或選「不確定」。</translation>
    </message>
</context>
</TS>
