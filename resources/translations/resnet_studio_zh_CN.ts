<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraSource</name>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="179" />
        <source>The camera needs a sound and video library that is missing on this computer. Whoever looks after this computer can add it (see Details); then restart ResNet Studio. Everything else works without it.</source>
        <translation>摄像头需要的一个音视频库在这台电脑上缺失。请负责维护这台电脑的人安装它（见“详细信息”），然后重新启动 ResNet Studio。其他功能不受影响。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="183" />
        <source>Missing system library: libpulse.so.0 (PulseAudio), needed by Qt Multimedia.
Debian or Ubuntu: sudo apt install libpulse0
Fedora: sudo dnf install pulseaudio-libs</source>
        <translation>缺少系统库：libpulse.so.0（PulseAudio），Qt Multimedia 需要它。
Debian 或 Ubuntu：sudo apt install libpulse0
Fedora：sudo dnf install pulseaudio-libs</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="188" />
        <source>This copy of ResNet Studio was installed without camera support. Reinstalling ResNet Studio adds it.</source>
        <translation>此 ResNet Studio 安装时未包含摄像头支持。重新安装 ResNet Studio 即可添加。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="191" />
        <source>The PySide6-Addons package (Qt Multimedia) is missing.</source>
        <translation>缺少 PySide6-Addons 软件包（Qt Multimedia）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="193" />
        <source>The camera cannot be used: camera support could not be loaded on this computer.</source>
        <translation>无法使用摄像头：这台电脑上无法加载摄像头支持。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="289" />
        <source>ResNet Studio is not allowed to use the camera. Allow it in your system's privacy settings (Camera), then press Start camera again.</source>
        <translation>ResNet Studio 没有使用摄像头的权限。请在系统的隐私设置（摄像头）中允许，然后再次点击“打开摄像头”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="303" />
        <source>No camera was found. Connect a camera, then press Start camera.</source>
        <translation>没有找到摄像头。请连接摄像头，然后点击“打开摄像头”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="330" />
        <source>The camera could not be used: {reason}. It may be in use by another program.</source>
        <translation>无法使用摄像头：{reason}。它可能正被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/frame_sources.py" line="331" />
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>CategoriesPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="98" />
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="101" />
        <source>Press %1 to put the selected pictures here, or drag them onto it</source>
        <translation>按 %1 把选中的图片放到这里，或把图片拖到它上面</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="118" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="119" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="120" />
        <source>Make a new category (up to 9, one number key each)</source>
        <translation>新建一个类别（最多 9 个，每个对应一个数字键）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="121" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="122" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="123" />
        <source>Put selected pictures here</source>
        <translation>把选中的图片放到这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/categories.py" line="124" />
        <source>Select pictures, then press a category's number. After 3 pictures in every category, the app suggests the rest.</source>
        <translation>选中图片，然后按类别对应的数字键。每个类别有 3 张图片后，应用会为其余图片给出建议。</translation>
    </message>
</context>
<context>
    <name>CellPictures</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="147" />
        <source>Move to its right category…</source>
        <translation>移到正确的类别…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="148" />
        <source>The picture is in the wrong folder: move it into the folder of the category it really shows.</source>
        <translation>这张图片放错了文件夹：把它移到它真正所属类别的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="150" />
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="237" />
        <source>Take out of the dataset</source>
        <translation>移出数据集</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="151" />
        <source>Move the picture into a folder ending in “_removed” beside your dataset, so it is not used for training.</source>
        <translation>把图片移到数据集旁边以“_removed”结尾的文件夹里，不再用于训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="153" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="234" />
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="245" />
        <source>Click a square of the matrix to see its pictures.</source>
        <translation>点击矩阵中的方格，查看其中的图片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="250" />
        <source>%n pictures of '{true}' were recognised.</source>
        <translation>
            <numerusform>“{true}”有 %n 张图片被正确识别。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="252" />
        <source>%n pictures of '{true}' were taken for '{pred}'.</source>
        <translation>
            <numerusform>“{true}”有 %n 张图片被认成了“{pred}”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="259" />
        <source>{confidence} sure</source>
        <translation>把握 {confidence}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="263" />
        <source>moved to {category}</source>
        <translation>已移到 {category}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="266" />
        <source>taken out</source>
        <translation>已移出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="280" />
        <source>%n pictures moved. Train again to learn from the changed folder.</source>
        <translation>
            <numerusform>已移动 %n 张图片。重新训练，让模型从修改后的文件夹中学习。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassifyView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="161" />
        <source>&amp;Model:</source>
        <extracomment>Cards classified again at once when the model changes; with more, the cards are marked stale and the banner offers "Classify again with …" (a few seconds of work is what a user expects from a model switch; minutes on a big folder should be their choice).</extracomment>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="162" />
        <source>Which model classifies the photos. ImageNet models know 1000 everyday categories; your own models know the categories you taught them.</source>
        <translation>用哪个模型给照片分类。ImageNet 模型认识 1000 种常见类别；你自己的模型认识你教给它的类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="165" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="182" />
        <source>Open photos…</source>
        <translation>打开照片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="166" />
        <source>Choose photos to classify (Ctrl+O)</source>
        <translation>选择要分类的照片 (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="167" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="183" />
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="168" />
        <source>Classify every photo in a folder and its sub-folders (Ctrl+Shift+O)</source>
        <translation>对文件夹及其子文件夹中的所有照片分类 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="169" />
        <source>Paste photos</source>
        <translation>粘贴照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="170" />
        <source>Classify an image or file paths from the clipboard (Ctrl+V)</source>
        <translation>对剪贴板中的图片或文件路径分类 (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="171" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="172" />
        <source>Save all results as a spreadsheet (CSV) file (Ctrl+E)</source>
        <translation>把全部结果保存为表格 (CSV) 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="174" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="175" />
        <source>Remove all results from the list (Ctrl+Shift+Backspace)</source>
        <translation>从列表中移除全部结果 (Ctrl+Shift+Backspace)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="173" />
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="360" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="176" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="177" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="178" />
        <source>Stop classifying; results so far are kept (Esc)</source>
        <translation>停止分类；已有结果会保留 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="179" />
        <source>Drop photos or folders here</source>
        <translation>把照片或文件夹拖到这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="180" />
        <source>Folders are searched with all their sub-folders. You can also paste an image or copied files with Ctrl+V.</source>
        <translation>文件夹会连同所有子文件夹一起查找。也可以用 Ctrl+V 粘贴图片或已复制的文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="184" />
        <source>Filter by label or file name</source>
        <translation>按标签或文件名筛选</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="185" />
        <source>Show only results whose label or file name contains this text</source>
        <translation>只显示标签或文件名包含此文字的结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="186" />
        <source>&amp;Sort:</source>
        <translation>排序(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="188" />
        <source>As added</source>
        <translation>按添加顺序</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="189" />
        <source>Label (A–Z)</source>
        <translation>标签 (A–Z)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="190" />
        <source>Most confident first</source>
        <translation>置信度从高到低</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="191" />
        <source>Least confident first</source>
        <translation>置信度从低到高</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="195" />
        <source>Only “not sure”</source>
        <translation>只看“不确定”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="196" />
        <source>Show only results whose confidence is below the threshold</source>
        <translation>只显示置信度低于阈值的结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="197" />
        <source>Only unreadable</source>
        <translation>只看无法读取的</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="198" />
        <source>Show only files that could not be read</source>
        <translation>只显示无法读取的文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="199" />
        <source>Show top 5</source>
        <translation>显示前 5 名</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="200" />
        <source>Show the five most likely labels on every card (click a card to open or close just that one)</source>
        <translation>在每张卡片上显示最可能的五个标签（单击卡片可单独展开或收起）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="202" />
        <source>Show why</source>
        <translation>显示原因</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="203" />
        <source>Colour each photo by how much each part made the model choose its label: red parts mattered most, blue parts not at all (Ctrl+Shift+W). Open a card and click another label to see why that one.</source>
        <translation>按照照片各部分对模型选出该标签的影响程度给照片着色：红色部分影响最大，蓝色部分毫无影响（Ctrl+Shift+W）。展开一张卡片并点击另一个标签，可查看模型为什么会认为是那个标签。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="206" />
        <source>How strongly the colours cover the photo</source>
        <translation>颜色覆盖照片的浓淡程度</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="207" />
        <source>Heat map opacity</source>
        <translation>热力图不透明度</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="209" />
        <source>Whole objects</source>
        <translation>整体物体</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="210" />
        <source>Parts</source>
        <translation>局部</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="211" />
        <source>Fine details</source>
        <translation>细节</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="215" />
        <source>Which stage of the network to look at: the last one (whole objects) is what the decision is made from; earlier ones show finer but less telling detail</source>
        <translation>查看网络的哪一层：最后一层（整体物体）是模型做出判断的依据；更早的层显示更精细、但说明力较弱的细节</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="217" />
        <source>“Not sure” below:</source>
        <translation>低于此值为“不确定”：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="218" />
        <source>Results whose top confidence is below this value are marked “not sure”</source>
        <translation>最高置信度低于此值的结果会标为“不确定”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="219" />
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="268" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="555" />
        <source>Choose or download a model first; your photos will be classified then.</source>
        <translation>请先选择或下载一个模型，之后会自动为你的照片分类。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="485" />
        <source>%n result(s) shown are from an earlier model, not from {model}.</source>
        <translation>
            <numerusform>有 %n 个结果来自之前的模型，不是 {model} 给出的。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="486" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="648" />
        <source>Classify again with {model}</source>
        <translation>用 {model} 重新分类</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="511" />
        <source>%n files were skipped because they are not images.</source>
        <translation>
            <numerusform>%n 个文件不是图片，已跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="522" />
        <source>%n files were skipped because they are not pictures: {names}</source>
        <translation>
            <numerusform>%n 个文件不是图片，已跳过：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="559" />
        <source>Cancelled: {done} of %n photos were classified.</source>
        <translation>
            <numerusform>已取消：%n 张照片中已分类 {done} 张。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="562" />
        <source>Classified %n photos.</source>
        <translation>
            <numerusform>已分类 %n 张照片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="574" />
        <source>Classified %n photo(s) again with {model}.</source>
        <translation>
            <numerusform>已用 {model} 重新分类 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="629" />
        <source>View large</source>
        <translation>查看大图</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="663" />
        <source>%n photos</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="271" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="292" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="50" />
        <source>Open photos</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="51" />
        <source>Images ({exts});;All files (*)</source>
        <translation>图片 ({exts});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="59" />
        <source>Open a folder of photos</source>
        <translation>打开照片文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/intake.py" line="76" />
        <source>The clipboard holds no image and no file paths.</source>
        <translation>剪贴板里没有图片，也没有文件路径。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="31" />
        <source>There are no results to export yet.</source>
        <translation>还没有可以导出的结果。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="37" />
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="38" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="45" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="160" />
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="161" />
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation>模型文件 (*.safetensors *.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="124" />
        <source>The training folder of “{name}” is gone: where is it now?</source>
        <extracomment>TrainConfig overrides for a retrain (mode "head" by default: seconds on a CPU).</extracomment>
        <translation>“{name}”的训练文件夹不见了：它现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="160" />
        <source>Wrong: it is…</source>
        <translation>错了：它是…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="166" />
        <source>New category…</source>
        <translation>新类别…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="171" />
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="172" />
        <source>Name of the category this photo belongs to:</source>
        <translation>这张照片所属类别的名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="184" />
        <source>{name} is already in the training folder.</source>
        <translation>{name} 已在训练文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="203" />
        <source>{name} is also in the training folder under another category; remove it from there if it does not belong.</source>
        <translation>{name} 也在训练文件夹的另一个类别中；如果它不属于那里，请将其删除。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="219" />
        <source>Added {name} to “{category}”.</source>
        <translation>已将 {name} 添加到“{category}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="225" />
        <source>Could not add the photo</source>
        <translation>无法添加照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="262" />
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="289" />
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="290" />
        <source>Reading the pictures…</source>
        <translation>正在读取图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="291" />
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="292" />
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="293" />
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="300" />
        <source>Reading the pictures… {done} of {total}</source>
        <translation>正在读取图片… {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="310" />
        <source>Training… epoch {epoch} of {epochs}</source>
        <translation>训练中… 第 {epoch}/{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="320" />
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="338" />
        <source>Retraining cancelled; the model in use did not change.</source>
        <translation>已取消重新训练；当前使用的模型没有改变。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="323" />
        <source>Retrained: {accuracy:.0%} right on the check pictures. Now using {name}.</source>
        <translation>重新训练完成：检验图片正确率 {accuracy:.0%}。现在使用 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="333" />
        <source>Retraining failed</source>
        <translation>重新训练失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="359" />
        <source>Retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="362" />
        <source>Teach the current model the photos you corrected: it learns again from its training folder, new photos included (seconds for the last layer), and the new model is used at once.</source>
        <translation>让当前模型学习你纠正过的照片：它会在训练文件夹（包括新照片）上重新学习（只训练最后一层，几秒钟），新模型会立即投入使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="367" />
        <source>Retraining {name}…</source>
        <translation>正在重新训练 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="67" />
        <source>The classification engine could not start: {message}</source>
        <translation>分类引擎无法启动：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="127" />
        <source>This model is no longer in your library (it was deleted or moved). Classifying with {name} instead.</source>
        <translation>这个模型已不在你的模型库中（已被删除或移走）。现改用 {name} 进行分类。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="143" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="424" />
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="140" />
        <source>{name} · {n} categories</source>
        <translation>{name} · {n} 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="93" />
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="145" />
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="99" />
        <source>The ImageNet weights for {name} are not on this computer yet. Download them once (internet needed), or choose a weights file you already have.</source>
        <translation>这台电脑上还没有 {name} 的 ImageNet 权重。可以下载一次（需要联网），或选择你已有的权重文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="101" />
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="174" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="102" />
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="103" />
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="107" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="105" />
        <source>This model could not be loaded: {message}</source>
        <translation>无法加载此模型：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="106" />
        <source>Choose another model file…</source>
        <translation>选择其他模型文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="513" />
        <source>No photos found in what you opened.</source>
        <translation>在你打开的内容中没有找到照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="557" />
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="572" />
        <source>Classification stopped</source>
        <translation>分类已停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="172" />
        <source>Downloading the {name} weights…</source>
        <translation>正在下载 {name} 的权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="185" />
        <source>Downloading the {name} weights… {done:.1f} of {total:.1f} MB</source>
        <translation>正在下载 {name} 的权重… {done:.1f} / {total:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="192" />
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/model_state.py" line="193" />
        <source>Download cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/explain_queue.py" line="55" />
        <source>{name} was classified with another model: classify it again to see why.</source>
        <translation>{name} 是用另一个模型分类的：请重新分类后再查看原因。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/explain_queue.py" line="58" />
        <source>Could not show why for {name}: {message}</source>
        <translation>无法显示 {name} 的原因：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="630" />
        <source>Open the photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="631" />
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="635" />
        <source>Copy label</source>
        <translation>复制标签</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="637" />
        <source>Show why it could be</source>
        <translation>显示为何可能是</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="639" />
        <source>{label} ({score:.0%})</source>
        <translation>{label}（{score:.0%}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="644" />
        <source>Copy file path</source>
        <translation>复制文件路径</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="653" />
        <source>Right: add to “{category}”</source>
        <translation>正确：添加到“{category}”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="665" />
        <source>{n} not sure</source>
        <translation>{n} 张不确定</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="667" />
        <source>{n} could not be read</source>
        <translation>{n} 个无法读取</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="669" />
        <source>%n from an earlier model</source>
        <translation>
            <numerusform>%n 个来自旧模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="686" />
        <source>Classifying {done} of {total}…</source>
        <translation>正在分类 {done} / {total}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="689" />
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/view.py" line="690" />
        <source>Looking for photos…</source>
        <translation>正在查找照片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/large_view.py" line="25" />
        <source>Classified by {model}</source>
        <translation>分类模型：{model}</translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="358" />
        <source>Compare training runs</source>
        <translation>比较训练记录</translation>
    </message>
</context>
<context>
    <name>CompareRunsWidget</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="104" />
        <source>Validation accuracy (higher is better)</source>
        <extracomment>One colour per run (mid-saturation: readable on light and dark backgrounds, and by most colour-blind people: blue and orange). The first rows of the table are results (accuracy, loss, epochs, finished); the rest settings.</extracomment>
        <translation>验证准确率（越高越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="105" />
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="107" />
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="108" />
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="109" />
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="110" />
        <source>Solid lines: on the validation pictures. Dashed: on the training pictures.</source>
        <translation>实线：验证图片上的结果。虚线：训练图片上的结果。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="111" />
        <source>Only differences</source>
        <translation>只看不同</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="112" />
        <source>Hide the rows where both runs are the same</source>
        <translation>隐藏两次训练相同的行</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="113" />
        <source>Highlighted rows differ between the two runs.</source>
        <translation>高亮的行表示两次训练不同之处。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="114" />
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="297" />
        <source>Setting</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="170" />
        <source>{run} (validation)</source>
        <translation>{run}（验证）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="172" />
        <source>{run} (training)</source>
        <translation>{run}（训练）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="191" />
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="192" />
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="193" />
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="194" />
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="195" />
        <source>Best epoch</source>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="196" />
        <source>Epochs run</source>
        <translation>实际轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="197" />
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="198" />
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="199" />
        <source>Pictures from</source>
        <translation>图片来源</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="200" />
        <source>Pictures (training / validation)</source>
        <translation>图片（训练 / 验证）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="201" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="202" />
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="203" />
        <source>What learned</source>
        <translation>训练范围</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="204" />
        <source>Started from ImageNet weights</source>
        <translation>从 ImageNet 权重开始</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="205" />
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="206" />
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="207" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="208" />
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="209" />
        <source>Picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="210" />
        <source>Varied copies of the pictures (augmentation)</source>
        <translation>图片变化副本（数据增强）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="211" />
        <source>Mirror pictures</source>
        <translation>镜像翻转图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="212" />
        <source>Colour changes</source>
        <translation>颜色变化</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="213" />
        <source>Smallest crop</source>
        <translation>最小裁剪</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="214" />
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="215" />
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="216" />
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="217" />
        <source>Share kept for validation</source>
        <translation>留作验证的比例</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="218" />
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="219" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="220" />
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="230" />
        <source>Recall: {category}</source>
        <translation>召回率：{category}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="262" />
        <source>{n} px</source>
        <translation>{n} 像素</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="264" />
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="266" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="264" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="266" />
        <source>no, stopped early</source>
        <translation>否，提前停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="270" />
        <source>last layer only</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="270" />
        <source>last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/compare_runs.py" line="271" />
        <source>the whole network</source>
        <translation>整个网络</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="47" />
        <source>True category</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="48" />
        <source>Predicted category</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="50" />
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="147" />
        <source>No results yet</source>
        <translation>还没有结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="207" />
        <source>{count} of {total} pictures of '{true}' were recognised ({share:.0f}%).</source>
        <translation>“{true}”的 {total} 张图片中有 {count} 张被正确识别（{share:.0f}%）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="209" />
        <source>{count} of {total} pictures of '{true}' were taken for '{pred}' ({share:.0f}%).</source>
        <translation>“{true}”的 {total} 张图片中有 {count} 张被当成了“{pred}”（{share:.0f}%）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/confusion_matrix.py" line="210" />
        <source>Click to see them.</source>
        <translation>点击查看这些图片。</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/export.py" line="52" />
        <source>Saved %n results to {path}</source>
        <translation>
            <numerusform>已将 %n 条结果保存到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="140" />
        <source>1. Your pictures</source>
        <translation>1. 你的图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="141" />
        <source>No folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="142" />
        <source>&amp;Choose folder…</source>
        <translation>选择文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="143" />
        <source>Choose the folder that holds one sub-folder of pictures per category.</source>
        <translation>选择一个文件夹，其中每个类别的图片放在各自的子文件夹里。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="145" />
        <source>Drop a folder here or choose one. Put the pictures of each category in its own sub-folder, for example cats/ and dogs/.</source>
        <translation>把文件夹拖到这里，或选择一个。把每个类别的图片放在各自的子文件夹中，例如 cats/ 和 dogs/。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="148" />
        <source>&amp;Sort by file name…</source>
        <translation>按文件名整理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="150" />
        <source>Make category folders from the names of the pictures (cat_01.jpg goes into cat/). You see the plan first.</source>
        <translation>根据图片的文件名建立类别文件夹（cat_01.jpg 会放进 cat/）。会先给你看整理方案。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="152" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="152" />
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="152" />
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="162" />
        <source>Choose a dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="309" />
        <source>Checking pictures: {done} of {total}</source>
        <translation>正在检查图片：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="325" />
        <source>The pictures could not be checked: {reason}</source>
        <translation>无法检查这些图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="349" />
        <source>{train} for training, {val} for validation, {test} for the final test</source>
        <translation>{train} 张用于训练，{val} 张用于验证，{test} 张用于最终测试</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="362" />
        <source>{problem} The {count} pictures in it can be sorted into category folders by their file names.</source>
        <translation>{problem} 其中的 {count} 张图片可以按文件名整理到各类别文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="367" />
        <source>Looking at the folder…</source>
        <translation>正在查看文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="372" />
        <source>{classes} categories, {images} pictures. Checking the pictures…</source>
        <translation>{classes} 个类别，{images} 张图片。正在检查图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="374" />
        <source>{classes} categories, {images} pictures.</source>
        <translation>{classes} 个类别，{images} 张图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_panel.py" line="391" />
        <source>All pictures could be read; no problems found.</source>
        <translation>所有图片都能读取；没有发现问题。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="91" />
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="92" />
        <source>ResNet Studio checks that each of its parts works on this computer. This takes a few seconds. If something fails, copy the report and send it with your question.</source>
        <translation>ResNet Studio 会检查它的各个部分能否在这台电脑上正常工作，需要几秒钟。如果有检查失败，请复制报告并随问题一起发送。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="95" />
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="95" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="96" />
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="97" />
        <source>Copy the full report, with technical details, to the clipboard</source>
        <translation>将完整报告（含技术细节）复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="98" />
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="99" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="100" />
        <source>Stop after the check that is running now</source>
        <translation>在当前检查完成后停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="103" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="173" />
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="193" />
        <source>Stopping after this check…</source>
        <translation>将在本项检查完成后停止…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="193" />
        <source>Checking… {done} done.</source>
        <translation>正在检查… 已完成 {done} 项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="196" />
        <source>Cancelled after %n checks.</source>
        <translation>
            <numerusform>完成 %n 项检查后已取消。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="200" />
        <source>{failed} of {n} checks failed: see the ✗ lines (click one for details).</source>
        <translation>{n} 项检查中有 {failed} 项失败：请查看标有 ✗ 的行（点击可查看详情）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="203" />
        <source>ResNet Studio works; see the ⚠ lines for what you may want to fix.</source>
        <translation>ResNet Studio 可以正常使用；标有 ⚠ 的行列出了您可能需要处理的问题。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="205" />
        <source>Everything works.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/diagnostics.py" line="224" />
        <source>The report is on the clipboard.</source>
        <translation>报告已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="37" />
        <source>The background process that ran this job stopped unexpectedly, perhaps because the computer ran out of memory. Try a smaller batch size or image size, or close other programs.</source>
        <translation>运行此任务的后台进程意外停止了，可能是电脑内存不足。请减小批大小或图片尺寸，或关闭其他程序。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="23" />
        <source>This file could not be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="24" />
        <source>This file is damaged and could not be decoded.</source>
        <translation>此文件已损坏，无法解码。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="25" />
        <source>This file is damaged: it ends early (it may not have finished copying or downloading).</source>
        <translation>此文件已损坏：文件不完整（可能没有复制或下载完）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="27" />
        <source>This file is empty (0 bytes).</source>
        <translation>此文件是空的（0 字节）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="28" />
        <source>This file is not an image ResNet Studio can read (or it is badly damaged).</source>
        <translation>此文件不是 ResNet Studio 能读取的图片（或已严重损坏）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="29" />
        <source>This file no longer exists (it was moved or deleted).</source>
        <translation>此文件已不存在（被移动或删除了）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="30" />
        <source>This image is too large to open with the memory available.</source>
        <translation>此图片太大，现有内存无法打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="31" />
        <source>This is a folder, not an image.</source>
        <translation>这是一个文件夹，不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="32" />
        <source>This is a link that points to itself, not an image.</source>
        <translation>这是一个指向自身的链接，不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="33" />
        <source>This is a link to a file that no longer exists.</source>
        <translation>这是一个链接，指向的文件已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="34" />
        <source>This is not a normal file (it is a device or a pipe), not an image.</source>
        <translation>这不是普通文件（是设备或管道），不是图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="35" />
        <source>You do not have permission to open this file.</source>
        <translation>你没有打开此文件的权限。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="42" />
        <source>This is a PostScript or PDF document, not a picture. ResNet Studio does not open documents, because opening them can run programs.</source>
        <translation>这是 PostScript 或 PDF 文档，不是图片。ResNet Studio 不打开文档，因为打开文档可能会运行程序。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="45" />
        <source>This is a HEIC photo, and this copy of ResNet Studio cannot read HEIC photos.</source>
        <translation>这是一张 HEIC 照片，当前安装的 ResNet Studio 无法读取 HEIC 照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="46" />
        <source>This is a camera RAW picture, and this copy of ResNet Studio cannot read RAW pictures.</source>
        <translation>这是一张相机 RAW 图片，当前安装的 ResNet Studio 无法读取 RAW 图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="47" />
        <source>This camera RAW file is of a kind ResNet Studio cannot read.</source>
        <translation>ResNet Studio 无法读取这种相机 RAW 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="48" />
        <source>This file is far too big to be a picture.</source>
        <translation>这个文件太大了，不可能是一张图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="49" />
        <source>This model gives no usable answer (its outputs are not numbers). The model file may be damaged.</source>
        <translation>这个模型给不出可用的结果（它的输出不是数字）。模型文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="52" />
        <source>Another training is saving to this model file right now. Choose another name, or wait for it to finish.</source>
        <translation>另一个训练正在保存到这个模型文件。请换一个名称，或等它完成。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="55" />
        <source>Training was cancelled, so the model file you already had was left as it was; the best model of this training is saved beside it.</source>
        <translation>训练已取消，原有的模型文件保持不变；本次训练的最佳模型保存在它旁边。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="58" />
        <source>The model file changed while it was being read. Try again when it has finished copying.</source>
        <translation>读取模型文件时它发生了变化。请等文件复制完成后再试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="59" />
        <source>This is not a normal file (it is a device or a pipe), not a model file.</source>
        <translation>这不是普通文件（它是设备或管道），不是模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="60" />
        <source>This file is too large to be a ResNet model file (more than 1 GB).</source>
        <translation>这个文件太大（超过 1 GB），不可能是 ResNet 模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="61" />
        <source>This file unpacks to more than 1 GB, far more than any ResNet model: it is damaged, or it is not a model file.</source>
        <translation>这个文件解压后超过 1 GB，远大于任何 ResNet 模型：它已损坏，或者不是模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="64" />
        <source>This is a TorchScript export, made for other programs; ResNet Studio opens its own .safetensors model files or a plain PyTorch .pth state dict. Use the original .safetensors file.</source>
        <translation>这是为其他程序导出的 TorchScript 文件；ResNet Studio 只打开自己的 .safetensors 模型文件或普通的 PyTorch .pth 权重文件。请使用原来的 .safetensors 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="68" />
        <source>This is an ONNX export, made for other programs; ResNet Studio opens its own .safetensors model files or a plain PyTorch .pth state dict. Use the original .safetensors file.</source>
        <translation>这是为其他程序导出的 ONNX 文件；ResNet Studio 只打开自己的 .safetensors 模型文件或普通的 PyTorch .pth 权重文件。请使用原来的 .safetensors 文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="71" />
        <source>This model file is damaged: its model information cannot be read.</source>
        <translation>这个模型文件已损坏：无法读取其中的模型信息。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="72" />
        <source>This model file is damaged: its architecture is missing or is not a name.</source>
        <translation>这个模型文件已损坏：缺少网络结构，或者结构不是一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="73" />
        <source>This model file is damaged: its list of categories is missing, empty or not a list of names.</source>
        <translation>这个模型文件已损坏：类别列表缺失、为空，或者不是名称列表。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="76" />
        <source>This model file lists more than 100,000 categories, which no ResNet Studio model has.</source>
        <translation>这个模型文件列出了超过 100,000 个类别，ResNet Studio 的模型不会有这么多类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="77" />
        <source>This model file is damaged: one of its category names is empty or far too long.</source>
        <translation>这个模型文件已损坏：某个类别名称为空或过长。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="78" />
        <source>This model file is damaged: its picture sizes are missing or out of range (8 to 2048 pixels).</source>
        <translation>这个模型文件已损坏：图片尺寸缺失或超出范围（8 到 2048 像素）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="81" />
        <source>This model file is damaged: its colour normalisation values cannot be used.</source>
        <translation>这个模型文件已损坏：其中的颜色归一化数值无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="82" />
        <source>This model file is damaged: its training details cannot be read.</source>
        <translation>这个模型文件已损坏：无法读取其中的训练信息。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="83" />
        <source>This model file is damaged: some of its weights are not numbers (NaN or infinite).</source>
        <translation>这个模型文件已损坏：部分权重不是数字（NaN 或无穷大）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="84" />
        <source>This model file is damaged: some of its weights have impossible values (a negative variance).</source>
        <translation>这个模型文件已损坏：部分权重的数值不可能出现（方差为负）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="87" />
        <source>This model file is damaged: some of its weights are not stored as numbers a model can use.</source>
        <translation>这个模型文件已损坏：部分权重的存储格式不是模型可用的数字。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="88" />
        <source>This model file is damaged and cannot be used.</source>
        <translation>这个模型文件已损坏，无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="15" />
        <source>This model could not be prepared for ONNX Runtime; use the PyTorch backend.</source>
        <translation>无法为 ONNX Runtime 准备这个模型，请改用 PyTorch 后端。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="16" />
        <source>Unknown inference backend '{name}'. Choose one of: {choices}.</source>
        <translation>未知的推理后端“{name}”。可选：{choices}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="17" />
        <source>ONNX Runtime is only used on the CPU here; choose device 'cpu' or backend 'torch'.</source>
        <translation>这里的 ONNX Runtime 只在 CPU 上运行；请选择设备“cpu”或后端“torch”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="19" />
        <source>'{model}' is neither a model name ({names}) nor an existing model file.</source>
        <translation>“{model}”既不是模型名称（{names}），也不是已有的模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="20" />
        <source>The model file '{model}' could not be opened ({reason}).</source>
        <translation>无法打开模型文件“{model}”（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="21" />
        <source>'{model}' is a folder; choose a model file (.safetensors).</source>
        <translation>“{model}”是一个文件夹；请选择模型文件（.safetensors）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="22" />
        <source>{name} is not a picture this app can read, so it was not added.</source>
        <translation>{name} 不是本应用能读取的图片，因此没有添加。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="23" />
        <source>The training folder {root} no longer exists. Choose where it is now.</source>
        <translation>训练文件夹 {root} 已不存在。请选择它现在的位置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="24" />
        <source>Could not read {name}: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="25" />
        <source>{name} is not a file.</source>
        <translation>{name} 不是文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="26" />
        <source>Could not add {name} to “{category}”: {reason}.</source>
        <translation>无法把 {name} 添加到“{category}”：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="27" />
        <source>Could not add {name} to “{category}”: {reason}</source>
        <translation>无法把 {name} 添加到“{category}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="28" />
        <source>“{name}” cannot be the name of a category: give it a name with letters or digits.</source>
        <translation>“{name}”不能作为类别名称：请用包含字母或数字的名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="30" />
        <source>A category name cannot contain these characters: {shown}</source>
        <translation>类别名称不能包含这些字符：{shown}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="31" />
        <source>The dataset check was cancelled.</source>
        <translation>数据集检查已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="32" />
        <source>You do not have permission to open the folder {folder}.</source>
        <translation>你没有打开文件夹 {folder} 的权限。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="33" />
        <source>The folder {folder} could not be read ({reason}).</source>
        <translation>无法读取文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="34" />
        <source>The validation share must be between 0% and 99% (got {share}%).</source>
        <translation>验证集比例必须在 0% 到 99% 之间（当前为 {share}%）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="35" />
        <source>No NVIDIA GPU (CUDA) is available on this computer; use 'auto' or 'cpu'.</source>
        <translation>这台电脑上没有可用的 NVIDIA GPU（CUDA）；请使用“auto”或“cpu”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="36" />
        <source>Unknown device '{device}'. Use 'cuda' or 'cuda:0'.</source>
        <translation>未知的设备“{device}”。请使用“cuda”或“cuda:0”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="37" />
        <source>There is no GPU number {index}; this computer has {count} (cuda:0 to cuda:{last}).</source>
        <translation>没有编号为 {index} 的 GPU；这台电脑有 {count} 块（cuda:0 到 cuda:{last}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="39" />
        <source>Apple MPS is not available on this computer; use 'auto' or 'cpu'.</source>
        <translation>这台电脑上没有可用的 Apple MPS；请使用“auto”或“cpu”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="40" />
        <source>Unknown device '{device}'. Choose one of: {choices}.</source>
        <translation>未知的设备“{device}”。可选：{choices}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="41" />
        <source>torchrun started {started} processes on this computer, but it has {count} GPU(s); use --nproc_per_node={count2} (or --nproc_per_node=gpu).</source>
        <translation>torchrun 在这台电脑上启动了 {started} 个进程，但它只有 {count} 块 GPU；请使用 --nproc_per_node={count2}（或 --nproc_per_node=gpu）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="44" />
        <source>Training on '{device}' with several processes is not possible here; use --device cpu, or a computer with NVIDIA GPUs (CUDA).</source>
        <translation>这里无法在“{device}”上用多个进程训练；请使用 --device cpu，或使用带 NVIDIA GPU（CUDA）的电脑。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="47" />
        <source>This PyTorch has no support for training with several processes.</source>
        <translation>这个 PyTorch 不支持多进程训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="48" />
        <source>The training processes could not connect to each other (check --rdzv-endpoint, the network and the firewall, and that every computer runs the same command).</source>
        <translation>训练进程之间无法连接（请检查 --rdzv-endpoint、网络和防火墙，并确认每台电脑运行的是同一条命令）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="51" />
        <source>Training stopped on every process because another process stopped answering (see its output, or torchrun's summary, for the reason).</source>
        <translation>另一个进程没有响应，所有进程上的训练都已停止（原因见该进程的输出或 torchrun 的汇总）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="54" />
        <source>Training stopped on every process because process {names} stopped unexpectedly (it was killed, ran out of memory, or its computer went away).</source>
        <translation>进程 {names} 意外停止（被终止、内存不足或所在电脑断开），所有进程上的训练都已停止。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="57" />
        <source>Training stopped on every process because process {rank} failed: {reason}</source>
        <translation>进程 {rank} 出错，所有进程上的训练都已停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="58" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="59" />
        <source>There is no category number {label}: this model has {n} (0 to {last}).</source>
        <translation>没有编号为 {label} 的类别：这个模型有 {n} 个类别（0 到 {last}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="60" />
        <source>'{text}' is not a category of this model. {hint}</source>
        <translation>“{text}”不是这个模型的类别。{hint}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="61" />
        <source>Unknown layer '{layer}'. Choose one of: {layers}.</source>
        <translation>未知的层“{layer}”。可选：{layers}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="62" />
        <source>The heat map could not be computed for this model.</source>
        <translation>无法为这个模型计算热力图。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="63" />
        <source>This model has no stage '{stage}'.</source>
        <translation>这个模型没有阶段“{stage}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="64" />
        <source>The heat map could not be computed: stage '{stage}' was not used.</source>
        <translation>无法计算热力图：没有用到阶段“{stage}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="65" />
        <source>This model gives {scores} scores but lists {n} categories.</source>
        <translation>这个模型给出 {scores} 个分数，却列出了 {n} 个类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="66" />
        <source>The model could not be converted to ONNX.</source>
        <translation>无法把模型转换为 ONNX。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="67" />
        <source>The model could not be converted to TorchScript.</source>
        <translation>无法把模型转换为 TorchScript。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="68" />
        <source>Unknown export format '{fmt}'. Choose 'onnx' or 'torchscript'.</source>
        <translation>未知的导出格式“{fmt}”。请选择“onnx”或“torchscript”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="69" />
        <source>{out} is a folder; give a file name (for example model{suffix}).</source>
        <translation>{out} 是一个文件夹；请给出文件名（例如 model{suffix}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="70" />
        <source>The exported {fmt} file could not be run, so it was not saved.</source>
        <translation>导出的 {fmt} 文件无法运行，因此没有保存。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="71" />
        <source>The exported {fmt} file gives different answers from the model (difference {err}), so it was not saved.</source>
        <translation>导出的 {fmt} 文件给出的结果与模型不同（差异 {err}），因此没有保存。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="74" />
        <source>This file could not be read (it was moved or deleted).</source>
        <translation>无法读取这个文件（它已被移动或删除）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="75" />
        <source>The features being trained on were cut short on disk (was the cache folder cleaned up during training?). Start the training again.</source>
        <translation>磁盘上正在用于训练的特征数据不完整（训练期间缓存文件夹被清理了吗？）。请重新开始训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="78" />
        <source>The feature cache in {folder} keeps changing or getting damaged. Close other copies of the app, or delete that folder, and try again.</source>
        <translation>{folder} 中的特征缓存不断变化或损坏。请关闭本应用的其他副本，或删除该文件夹，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="81" />
        <source>The features of {n} pictures need {mb} MB: more than the memory available ({budget} MB for them), and they could not be written to disk either ({reason}). Free some disk space, or train on fewer pictures.</source>
        <translation>{n} 张图片的特征需要 {mb} MB，超过了可用内存（可用 {budget} MB），也无法写入磁盘（{reason}）。请释放一些磁盘空间，或用更少的图片训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="85" />
        <source>Could not save {name}: {reason}.</source>
        <translation>无法保存 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="86" />
        <source>The path of this file is too long to open.</source>
        <translation>这个文件的路径太长，无法打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="87" />
        <source>This file could not be read ({reason}).</source>
        <translation>无法读取这个文件（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="88" />
        <source>This file name is not valid.</source>
        <translation>这个文件名无效。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="89" />
        <source>This image is too large ({width} × {height} pixels); the limit is {limit} megapixels.</source>
        <translation>这张图片太大（{width} × {height} 像素）；上限是 {limit} 百万像素。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="91" />
        <source>This image uses a colour format ResNet Studio cannot convert ({mode}).</source>
        <translation>这张图片使用了 ResNet Studio 无法转换的颜色格式（{mode}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="92" />
        <source>This image is too large{size}; the limit is {limit} megapixels.</source>
        <translation>这张图片太大{size}；上限是 {limit} 百万像素。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="93" />
        <source> ({n} megapixels)</source>
        <translation>（{n} 百万像素）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="94" />
        <source>Something went wrong: {kind}: {reason}</source>
        <translation>出错了：{kind}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="95" />
        <source>The number of processes per machine must be a whole number of at least 1, or one of {words} (got {value}).</source>
        <translation>每台机器的进程数必须是不小于 1 的整数，或 {words} 之一（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="98" />
        <source>Training on several machines needs the address of the first machine (for example gpu-server-1:{port}); every machine connects to it.</source>
        <translation>在多台机器上训练需要第一台机器的地址（例如 gpu-server-1:{port}）；每台机器都会连接它。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="101" />
        <source>The address of the first machine cannot contain spaces (got {text}).</source>
        <translation>第一台机器的地址不能包含空格（当前为 {text}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="102" />
        <source>The port of {text} must be a number from 1 to 65535.</source>
        <translation>{text} 的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="103" />
        <source>The number of machines must be at least 1 (got {nnodes}).</source>
        <translation>机器数量至少为 1（当前为 {nnodes}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="104" />
        <source>Choose the dataset folder first.</source>
        <translation>请先选择数据集文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="105" />
        <source>Give a file name for the trained model (for example model.safetensors).</source>
        <translation>请为训练好的模型指定文件名（例如 model.safetensors）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="106" />
        <source>Unknown shell '{shell}'. Choose one of: {shells}.</source>
        <translation>未知的命令行环境“{shell}”。可选：{shells}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="107" />
        <source>The model file {name} no longer exists.</source>
        <translation>模型文件 {name} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="108" />
        <source>A model needs a name; the name cannot be empty.</source>
        <translation>模型需要一个名称，名称不能为空。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="109" />
        <source>Could not delete {name}: {reason}.</source>
        <translation>无法删除 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="110" />
        <source>{name} can no longer be restored (the trash was emptied).</source>
        <translation>{name} 已无法恢复（回收站已清空）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="111" />
        <source>{name} is not a file that can be imported.</source>
        <translation>{name} 不是可以导入的文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="112" />
        <source>Several of your models are called '{model}' ({files}); give the model's file instead.</source>
        <translation>你有多个模型都叫“{model}”（{files}）；请改为指定模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="114" />
        <source>'{model}' could be any of {listed}; type more of the name.</source>
        <translation>“{model}”可能是 {listed} 中的任何一个；请输入更完整的名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="115" />
        <source>No model is called '{model}', and there is no such model file.{hint}</source>
        <translation>没有名为“{model}”的模型，也没有这个模型文件。{hint}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="116" />
        <source>The learning-rate sweep produced no usable loss values.</source>
        <translation>学习率扫描没有得到可用的损失值。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="117" />
        <source>The learning-rate search needs at least {min_steps} steps (got {steps}).</source>
        <translation>学习率搜索至少需要 {min_steps} 步（当前为 {steps}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="118" />
        <source>The learning rates to try must grow: from {start} to {end} is not a range.</source>
        <translation>要尝试的学习率必须递增：从 {start} 到 {end} 不是有效的范围。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="119" />
        <source>The learning-rate search was cancelled.</source>
        <translation>学习率搜索已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="120" />
        <source>The learning-rate search could not measure anything: the loss was not a number from the first step. Check the pictures, or try a smaller picture size.</source>
        <translation>学习率搜索无法测得任何结果：从第一步起损失就不是数字。请检查图片，或尝试更小的图片尺寸。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="123" />
        <source>None of the training pictures could be read.</source>
        <translation>所有训练图片都无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="124" />
        <source>{name} is not a ResNet Studio model file, or it is damaged.</source>
        <translation>{name} 不是 ResNet Studio 模型文件，或者已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="125" />
        <source>The model file {name} could not be read ({reason}).</source>
        <translation>无法读取模型文件 {name}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="126" />
        <source>{name} holds weights but no ResNet Studio information (architecture, categories).</source>
        <translation>{name} 含有权重，但没有 ResNet Studio 信息（架构、类别）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="128" />
        <source>{name} is inconsistent: it lists {n} categories but its weights have {shape}.</source>
        <translation>{name} 前后不一致：列出了 {n} 个类别，但权重中是 {shape}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="130" />
        <source>{name} does not hold the weights of a ResNet (no final layer found).</source>
        <translation>{name} 不包含 ResNet 的权重（找不到最后一层）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="131" />
        <source>{name} does not match any ResNet architecture this app knows.</source>
        <translation>{name} 与本应用已知的任何 ResNet 架构都不匹配。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="132" />
        <source>Unknown architecture '{arch}'. Choose one of: {names}.</source>
        <translation>未知的架构“{arch}”。可选：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="133" />
        <source>{name} has {n} outputs but {classes} category names were given.</source>
        <translation>{name} 有 {n} 个输出，却给出了 {classes} 个类别名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="134" />
        <source>{name} does not match its architecture ({arch}); it may be damaged.</source>
        <translation>{name} 与它的架构（{arch}）不匹配，可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="135" />
        <source>{name} was made by a newer version of ResNet Studio ({version}). Update the app to open it.</source>
        <translation>{name} 由更新版本的 ResNet Studio（{version}）创建。请更新本应用后再打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="138" />
        <source>{name} has damaged model information.</source>
        <translation>{name} 的模型信息已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="139" />
        <source>{name} uses an architecture this app does not know ({arch}).</source>
        <translation>{name} 使用了本应用不认识的架构（{arch}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="140" />
        <source>The batch size must be at least 1.</source>
        <translation>批大小至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="141" />
        <source>The number of predictions (top-k) must be at least 1.</source>
        <translation>预测数量（top-k）至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="142" />
        <source>Loading the model was cancelled.</source>
        <translation>模型加载已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="143" />
        <source>The computer ran out of memory; use a smaller batch size.</source>
        <translation>电脑内存不足；请使用更小的批大小。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="144" />
        <source>The {device} ran out of memory; use a smaller batch size or the CPU.</source>
        <translation>{device} 内存不足；请使用更小的批大小或改用 CPU。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="145" />
        <source>The model failed while classifying.</source>
        <translation>模型在分类时出错。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="146" />
        <source>'{run_id}' is not the name of a training run.</source>
        <translation>“{run_id}”不是训练记录的名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="147" />
        <source>The training run {name} does not exist (it may have been deleted).</source>
        <translation>训练记录 {name} 不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="148" />
        <source>The record of training run {name} is damaged and cannot be read.</source>
        <translation>训练记录 {name} 已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="149" />
        <source>The keyword '{keyword}' has no letters or digits to look for in file names.</source>
        <translation>关键词“{keyword}”不含字母或数字，无法在文件名中查找。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="150" />
        <source>The keyword '{keyword}' cannot be a folder name; use letters, digits, spaces, - or _.</source>
        <translation>关键词“{keyword}”不能作为文件夹名称；请使用字母、数字、空格、- 或 _。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="152" />
        <source>Could not find at least two different name beginnings in {src}{found}. Give the category keywords yourself, for example: cat,dog.</source>
        <translation>在 {src}{found} 中找不到至少两种不同的文件名开头。请自己给出类别关键词，例如：cat,dog。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="155" />
        <source>No keywords were given. Give the category keywords, for example: cat,dog.</source>
        <translation>没有给出关键词。请给出类别关键词，例如：cat,dog。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="156" />
        <source>{dst} is a file, not a folder. Choose a folder to sort the pictures into.</source>
        <translation>{dst} 是文件，不是文件夹。请选择一个用来存放分类图片的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="157" />
        <source>{what} does not match {name}; {fix}</source>
        <translation>{what} 与 {name} 不匹配；{fix}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="158" />
        <source>{reason} Or train from scratch instead (untick "Start from ImageNet weights"; on the command line: --no-pretrained, or --allow-download to fetch the weights).</source>
        <translation>{reason} 也可以改为从零开始训练（取消勾选“从 ImageNet 权重开始”；命令行：--no-pretrained，或用 --allow-download 下载权重）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="161" />
        <source>None of the pictures could be read.</source>
        <translation>所有图片都无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="162" />
        <source>The model file {name} does not exist.</source>
        <translation>模型文件 {name} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="163" />
        <source>Unknown part '{part}'. Choose one of: auto, {parts}.</source>
        <translation>未知的部分“{part}”。可选：auto、{parts}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="164" />
        <source>None of the category folders in {name} ({classes}) is a category of this model ({model_classes}).</source>
        <translation>{name} 中的类别文件夹（{classes}）没有一个是这个模型的类别（{model_classes}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="167" />
        <source>There are no pictures to evaluate in the {part} part of {name}.</source>
        <translation>{name} 的 {part} 部分中没有可评估的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="168" />
        <source>A batch of {batch_size} pictures is too small for {world} processes: each process needs at least 2 pictures per step. Use --batch-size {least} or more, or fewer processes.</source>
        <translation>一批 {batch_size} 张图片对 {world} 个进程来说太少：每个进程每步至少需要 2 张图片。请使用 --batch-size {least} 或更大，或减少进程数。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="171" />
        <source>The {device} ran out of memory ({why}). Try a smaller --batch-size or --image-size, or a smaller network.</source>
        <translation>{device} 内存不足（{why}）。请尝试更小的 --batch-size 或 --image-size，或更小的网络。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="174" />
        <source>Could not find a free name for the model in {folder}.</source>
        <translation>在 {folder} 中找不到可用的模型文件名。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="175" />
        <source>Could not save {name}: the folder {folder} does not exist.</source>
        <translation>无法保存 {name}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="176" />
        <source>Could not save {name}: the folder {folder} is on a read-only disk.</source>
        <translation>无法保存 {name}：文件夹 {folder} 位于只读磁盘上。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="177" />
        <source>Could not save {name}: you do not have permission to write in {folder}.</source>
        <translation>无法保存 {name}：你没有在 {folder} 中写入的权限。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="178" />
        <source>{name} is a folder; give a file name for the model (for example model.safetensors).</source>
        <translation>{name} 是一个文件夹；请为模型指定文件名（例如 model.safetensors）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="180" />
        <source>{name} is a {kind} model, so it cannot be the start of a {mode} training. Choose {choose}, or start from ImageNet weights.</source>
        <translation>{name} 是 {kind} 模型，不能作为 {mode} 训练的起点。请选择 {choose}，或从 ImageNet 权重开始。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="183" />
        <source>Unknown training mode '{mode}'. Choose one of: {modes}.</source>
        <translation>未知的训练模式“{mode}”。可选：{modes}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="184" />
        <source>Unknown schedule '{schedule}'. Choose 'cosine' or 'step'.</source>
        <translation>未知的学习率计划“{schedule}”。请选择“cosine”或“step”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="185" />
        <source>The number of {what} must be at least {least} (got {value}).</source>
        <translation>{what} 的数量至少为 {least}（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="186" />
        <source>The learning rate must be a positive number below 10 (got {lr}).</source>
        <translation>学习率必须是小于 10 的正数（当前为 {lr}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="187" />
        <source>The picture size must be between 16 and 1024 pixels (got {size}).</source>
        <translation>图片尺寸必须在 16 到 1024 像素之间（当前为 {size}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="188" />
        <source>Training stopped: the loss became infinite (the learning rate is too high for these pictures). Try a lower learning rate.</source>
        <translation>训练已停止：损失变成了无穷大（对这些图片来说学习率太高）。请尝试更低的学习率。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="191" />
        <source>Training could not start: there were no usable pictures.</source>
        <translation>训练无法开始：没有可用的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="192" />
        <source>Cannot create the model cache folder {folder}: {reason}.</source>
        <translation>无法创建模型缓存文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="193" />
        <source>Download cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="194" />
        <source>The download stopped early, so the weights were not saved. Try again.</source>
        <translation>下载提前中断，权重没有保存。请重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="195" />
        <source>The downloaded weights were damaged on the way (they do not match their checksum), so they were not saved. Try again.</source>
        <translation>下载的权重在传输中损坏（与校验和不符），因此没有保存。请重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="198" />
        <source>Could not download the weights: there is no internet connection. Check the connection and try again.</source>
        <translation>无法下载权重：没有网络连接。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="201" />
        <source>The download server did not answer in time, so the weights could not be downloaded. Check the connection and try again.</source>
        <translation>下载服务器响应超时，无法下载权重。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="204" />
        <source>There is not enough free space on the disk to save the weights. Free some space and try again.</source>
        <translation>磁盘空间不足，无法保存权重。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="207" />
        <source>The download server refused the download (error {code}). Try again later.</source>
        <translation>下载服务器拒绝了下载（错误 {code}）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="208" />
        <source>The download server has a problem right now (error {code}). Try again later.</source>
        <translation>下载服务器暂时出现问题（错误 {code}）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="209" />
        <source>The weights for {name} are no longer at their internet address (error 404). Put the file {file} into {folder}, or update ResNet Studio.</source>
        <translation>{name} 的权重已不在原来的网络地址（错误 404）。请把文件 {file} 放进 {folder}，或更新 ResNet Studio。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="212" />
        <source>The weights for {name} could not be downloaded. Check the internet connection, or put the file {file} into {folder}.</source>
        <translation>无法下载 {name} 的权重。请检查网络连接，或把文件 {file} 放进 {folder}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="215" />
        <source>The ImageNet weights for {name} are not on this computer. Allow the download, or put the file {file} into {folder} (or {bundled}).</source>
        <translation>这台电脑上没有 {name} 的 ImageNet 权重。请允许下载，或把文件 {file} 放进 {folder}（或 {bundled}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="218" />
        <source>The weights file {name} no longer exists.</source>
        <translation>权重文件 {name} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="219" />
        <source>{name} is not a valid weights file (it is damaged, or contains code, which is never run).</source>
        <translation>{name} 不是有效的权重文件（已损坏，或含有代码——代码永远不会被运行）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="222" />
        <source>{name} does not hold model weights.</source>
        <translation>{name} 不包含模型权重。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="223" />
        <source>{name} does not match {expected}; delete it and download again.</source>
        <translation>{name} 与 {expected} 不符；请删除它后重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="224" />
        <source>Unknown model '{name}'. Choose one of: {names}, or give a model file.</source>
        <translation>未知的模型“{name}”。可选：{names}，或指定一个模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="225" />
        <source>Too few validation pictures to check how sure the model should be ({n}; at least {need} needed), so its confidence is shown as the network gives it.</source>
        <translation>验证图片太少（{n} 张，至少需要 {need} 张），无法校准模型的把握程度，因此显示的是网络原始的置信度。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="228" />
        <source>'{model}' is neither a model name, nor the name of one of your models, nor an existing model file.{hint}</source>
        <translation>“{model}”既不是模型名称，也不是你的某个模型的名称，也不是已有的模型文件。{hint}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="231" />
        <source>This model file is damaged: its confidence setting (calibration) cannot be used.</source>
        <translation>这个模型文件已损坏：它的置信度设置（校准）无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="233" />
        <source>The sort's record in this folder is far too large to be one; it was not used.</source>
        <translation>这个文件夹中的整理记录大得不正常，不可能是真正的记录，因此没有使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="235" />
        <source>There is no folder {folder} to undo a sort in.</source>
        <translation>没有文件夹 {folder}，无法撤销整理。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="236" />
        <source>The folder {folder} is on a read-only disk. Choose another destination.</source>
        <translation>文件夹 {folder} 位于只读磁盘上。请选择其他目标文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="237" />
        <source>You do not have permission to write in the folder {folder}. Choose another destination.</source>
        <translation>你没有权限写入文件夹 {folder}。请选择其他目标文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="239" />
        <source>is on a read-only disk</source>
        <translation>位于只读磁盘上</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="240" />
        <source>cannot be written to (no permission)</source>
        <translation>无法写入（没有权限）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="241" />
        <source>Could not use the folder {folder}: {reason}.</source>
        <translation>无法使用文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="242" />
        <source>Could not make the folder {folder}: {reason}.</source>
        <translation>无法创建文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="243" />
        <source>Could not start sorting into {folder}: {reason}.</source>
        <translation>无法开始整理到 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="244" />
        <source>Another sort is putting pictures into this folder right now. Wait for it to finish, or choose another folder.</source>
        <translation>另一个整理任务正在往这个文件夹放图片。请等它完成，或换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="247" />
        <source>The destination folder is inside a folder being sorted, so sorted pictures would be sorted again. Choose a destination outside it.</source>
        <translation>目标文件夹位于正在整理的文件夹之内，整理好的图片会被再次整理。请选择它之外的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="251" />
        <source>Suggestions need at least two categories with at least one labelled picture each (3 per category is a good start); there are no labelled pictures yet.</source>
        <translation>至少需要两个类别、每个类别至少一张已标注的图片才能给出建议（建议每类先标 3 张）；目前还没有已标注的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="252" />
        <source>Suggestions need at least two categories with at least one labelled picture each (3 per category is a good start); so far there is only “{category}”.</source>
        <translation>至少需要两个类别、每个类别至少一张已标注的图片才能给出建议（建议每类先标 3 张）；目前只有“{category}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="253" />
        <source>None of the labelled pictures in {names} could be read; label other pictures there to get suggestions.</source>
        <translation>{names} 中已标注的图片都无法读取；请在这些类别中标注其他图片，以获得建议。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="254" />
        <source>Looking for pictures in the wrong folder needs the ImageNet weights, which could not be used: {reason}</source>
        <translation>查找放错文件夹的图片需要 ImageNet 权重，但无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="255" />
        <source>The label check was cancelled.</source>
        <translation>已取消标注检查。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="256" />
        <source>Your categories are uneven (largest {largest}, smallest {smallest}): training weighted the small ones more.</source>
        <translation>各类别的图片数量不均（最多 {largest} 张，最少 {smallest} 张）：训练时提高了小类别的权重。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/engine_messages.py" line="257" />
        <source>Unknown balance setting '{balance}'. Choose 'auto' or 'off'.</source>
        <translation>未知的类别平衡设置“{balance}”。请选择“auto”或“off”。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="174" />
        <source>The computer ran out of memory. Close other programs or use fewer, smaller images.</source>
        <translation>电脑内存不足。请关闭其他程序，或使用更少、更小的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="176" />
        <source>Something went wrong inside ResNet Studio. The details below can help us fix it.</source>
        <translation>ResNet Studio 内部出错了。下面的详细信息可以帮助我们修复问题。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/errors.py" line="183" />
        <source>ResNet Studio</source>
        <translation>ResNet Studio</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="34" />
        <source>Choose a labelled folder</source>
        <translation>选择已标注的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="64" />
        <source>Test on a labelled folder</source>
        <translation>用已标注的文件夹测试</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="65" />
        <source>Choose a folder with one sub-folder per category, of pictures the model has not learnt from. Folder names must match the model's categories.</source>
        <translation>选择一个每个类别一个子文件夹的文件夹，里面是模型没有学过的图片。子文件夹名称须与模型的类别一致。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="67" />
        <source>&amp;Choose folder…</source>
        <translation>选择文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="68" />
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="85" />
        <source>Testing {model} on {folder}</source>
        <translation>正在用 {folder} 测试 {model}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="87" />
        <source>Classifying the pictures…</source>
        <translation>正在识别图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/evaluate_dialog.py" line="95" />
        <source>The test was stopped.</source>
        <translation>测试已停止。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/guide.py" line="59" />
        <source>ResNet Studio guide</source>
        <translation>ResNet Studio 使用指南</translation>
    </message>
</context>
<context>
    <name>LRFinderPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="124" />
        <source>Learning-rate finder</source>
        <translation>学习率查找器</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="125" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="126" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="127" />
        <source>Hide the learning-rate finder.</source>
        <translation>隐藏学习率查找器。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="128" />
        <source>Learning rate (log scale)</source>
        <translation>学习率（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="129" />
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="157" />
        <source>Getting ready…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="178" />
        <source>Getting the pictures ready…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="179" />
        <source>Reading the pictures with the network…</source>
        <translation>正在用网络读取图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="180" />
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="203" />
        <source>Trying learning rates from very small to very large…</source>
        <translation>正在从很小到很大依次尝试学习率…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="259" />
        <source>The model is not changed; this takes a few seconds to a minute.</source>
        <translation>不会改动模型；需要几秒到一分钟。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="263" />
        <source>Suggested learning rate: {lr}. The loss falls fastest there (green band: good rates).</source>
        <translation>建议的学习率：{lr}。损失在这里下降最快（绿色区域：合适的学习率）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="266" />
        <source>Suggested learning rate: {lr}. The loss hardly fell, so this is a careful guess.</source>
        <translation>建议的学习率：{lr}。损失几乎没有下降，这是一个保守的估计。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="268" />
        <source>Use {lr}</source>
        <translation>使用 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="269" />
        <source>Put {lr} in the learning-rate field.</source>
        <translation>把 {lr} 填入学习率一栏。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="270" />
        <source>Found for the current settings; search again after changing the architecture, mode, batch size or image size.</source>
        <translation>按当前设置得出；更改架构、训练范围、批大小或图片尺寸后请重新查找。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="273" />
        <source>The learning-rate search failed: {error}</source>
        <translation>学习率查找失败：{error}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="277" />
        <source>The learning-rate search was cancelled.</source>
        <translation>学习率查找已取消。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/lr_finder_panel.py" line="281" />
        <source>Tries learning rates from very small to very large on your pictures and suggests one.</source>
        <translation>在你的图片上从很小到很大依次尝试学习率，并给出建议。</translation>
    </message>
</context>
<context>
    <name>LabelView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/label/grid.py" line="229" />
        <source>%1? %2 %</source>
        <translation>%1？%2%</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/state.py" line="29" />
        <source>Give the category a name.</source>
        <extracomment>Pictures each category needs before the model can suggest anything.</extracomment>
        <translation>请给类别起个名字。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/state.py" line="31" />
        <source>A category cannot be called “.” or “..”. Choose another name.</source>
        <translation>类别不能叫“.”或“..”，请换一个名字。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/state.py" line="33" />
        <source>A category name cannot contain “/” or “\”. Choose another name.</source>
        <translation>类别名称不能包含“/”或“\”。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/state.py" line="35" />
        <source>There is already a category with this name.</source>
        <translation>已经有同名的类别了。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="163" />
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="164" />
        <source>Choose a folder of unsorted pictures (or drop it here)</source>
        <translation>选择一个未整理图片的文件夹（或拖放到这里）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="165" />
        <source>Order:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="166" />
        <source>Next most useful</source>
        <translation>最值得先标</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="167" />
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="170" />
        <source>“Next most useful” puts first the pictures the model is least sure about: labelling those teaches it most</source>
        <translation>“最值得先标”会把模型最没把握的图片排在前面：标注这些图片对模型帮助最大</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="172" />
        <source>Unlabelled only</source>
        <translation>只看未标注</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="173" />
        <source>Open or drop a folder of unsorted pictures to sort them into categories.
The app learns from your first few and suggests the rest.</source>
        <translation>打开或拖入一个未整理图片的文件夹，把图片分到各个类别。
应用会从你标注的前几张中学习，并为其余图片给出建议。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="175" />
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="176" />
        <source>Accept suggestion (Enter)</source>
        <translation>采纳建议（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="177" />
        <source>Sure at least</source>
        <translation>把握至少</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="178" />
        <source>Save as training folder…</source>
        <translation>保存为训练文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="179" />
        <source>Copy the labelled pictures into one folder per category; the original folder is not changed</source>
        <translation>把已标注的图片按类别复制到各自的文件夹；原文件夹保持不变</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="181" />
        <source>Undo labelling</source>
        <translation>撤销标注</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="182" />
        <source>Redo labelling</source>
        <translation>重做标注</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="196" />
        <source>Choose a folder of pictures</source>
        <translation>选择图片文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="224" />
        <source>There are no pictures directly in this folder.</source>
        <translation>这个文件夹里没有直接存放的图片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="227" />
        <source>%n labelled picture(s) restored</source>
        <translation>
            <numerusform>已恢复 %n 张已标注的图片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="265" />
        <source>There can be 9 categories at most, one for each number key.</source>
        <translation>最多 9 个类别，每个对应一个数字键。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="268" />
        <source>Add category “%1”</source>
        <translation>添加类别“%1”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="274" />
        <source>Rename category “%1”</source>
        <translation>重命名类别“%1”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="280" />
        <source>New category</source>
        <translation>新建类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="280" />
        <source>Name of the category:</source>
        <translation>类别名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="293" />
        <source>Rename category</source>
        <translation>重命名类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="293" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="303" />
        <source>Delete category “%1”</source>
        <translation>删除类别“%1”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="304" />
        <source>Category deleted. Undo with Ctrl+Z.</source>
        <translation>类别已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="314" />
        <source>Label %n picture(s) “%1”</source>
        <translation>
            <numerusform>将 %n 张图片标为“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="315" />
        <source>Unlabel %n picture(s)</source>
        <translation>
            <numerusform>取消 %n 张图片的标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="332" />
        <location filename="../../app/resnet_studio/gui/label/view.py" line="353" />
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>采纳 %n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="340" />
        <source>Accept suggestions</source>
        <translation>采纳建议</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="341" />
        <source>Label %n picture(s) as suggested?</source>
        <translation>
            <numerusform>按建议标注 %n 张图片？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="405" />
        <source>Could not keep the labels: %1</source>
        <translation>无法保存标注：%1</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="474" />
        <source>Reading the pictures for suggestions: %1 of %2</source>
        <translation>正在读取图片以生成建议：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="478" />
        <source>No suggestions: %1</source>
        <translation>没有建议：%1</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="487" />
        <source>Choose an empty folder for the training set</source>
        <translation>为训练集选择一个空文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="508" />
        <source>%n picture(s) copied into %1</source>
        <translation>
            <numerusform>已将 %n 张图片复制到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="515" />
        <source>%n picture(s) copied into one folder per category.</source>
        <translation>
            <numerusform>已将 %n 张图片按类别复制到各自的文件夹。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="517" />
        <source>%n picture(s) could not be copied.</source>
        <translation>
            <numerusform>有 %n 张图片无法复制。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="518" />
        <source>Training folder saved</source>
        <translation>训练文件夹已保存</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="520" />
        <source>Train on it</source>
        <translation>用它训练</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="527" />
        <source>%1 — %n picture(s)</source>
        <translation>
            <numerusform>%1 — %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="531" />
        <source>No folder open</source>
        <translation>未打开文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="538" />
        <source>Accept all %n above the threshold</source>
        <translation>
            <numerusform>采纳高于阈值的全部 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="548" />
        <source>Make at least 2 categories.</source>
        <translation>请至少建立 2 个类别。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="550" />
        <source>Label at least 3 pictures in every category to get suggestions.</source>
        <translation>每个类别至少标注 3 张图片后即可获得建议。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/label/view.py" line="552" />
        <source>Learning from your labels…</source>
        <translation>正在从你的标注中学习…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/label/view.py" line="554" />
        <source>%n picture(s) with a suggestion</source>
        <translation>
            <numerusform>%n 张图片有建议</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="115" />
        <source>Run on a bigger machine</source>
        <translation>在更强的机器上运行</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="117" />
        <source>Train the same model on a computer with NVIDIA GPUs, or on several: copy the dataset folder there, install ResNet Studio (pip install resnet-studio), and run this command there.</source>
        <translation>在装有 NVIDIA GPU 的电脑（或多台电脑）上训练同样的模型：把数据集文件夹复制过去，安装 ResNet Studio（pip install resnet-studio），然后在那里运行下面的命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="119" />
        <source>&amp;Dataset folder there:</source>
        <translation>那边的数据集文件夹(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="120" />
        <source>Where the dataset folder is on that computer.</source>
        <translation>数据集文件夹在那台电脑上的位置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="121" />
        <source>&amp;Model file:</source>
        <translation>模型文件(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="122" />
        <source>Where the trained model is saved on that computer.</source>
        <translation>训练好的模型在那台电脑上的保存位置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="123" />
        <source>&amp;GPUs per machine:</source>
        <translation>每台机器的 GPU 数(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="124" />
        <source>All GPUs</source>
        <translation>全部 GPU</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="125" />
        <source>Mac&amp;hines:</source>
        <translation>机器数(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="126" />
        <source>More than one: run the same command on every machine.</source>
        <translation>多于一台时：在每台机器上运行同一条命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="127" />
        <source>&amp;First machine's address:</source>
        <translation>第一台机器的地址(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="128" />
        <source>for example gpu-server-1:29400</source>
        <translation>例如 gpu-server-1:29400</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="129" />
        <source>Every machine connects to this one (host name or IP, and a free port).</source>
        <translation>所有机器都连接到这一台（主机名或 IP，以及一个空闲端口）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="130" />
        <source>Find the learning rate there first (--lr auto)</source>
        <translation>先在那边查找学习率（--lr auto）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="131" />
        <source>She&amp;ll:</source>
        <translation>命令行(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="132" />
        <source>Linux or macOS (bash)</source>
        <translation>Linux 或 macOS（bash）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="133" />
        <source>Windows (PowerShell)</source>
        <translation>Windows（PowerShell）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="134" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="135" />
        <source>Copy the command to the clipboard.</source>
        <translation>把命令复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="136" />
        <source>&amp;Save launch script…</source>
        <translation>保存启动脚本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="138" />
        <source>When it is done, bring the model file back to this computer and add it in Models with Import model…</source>
        <translation>完成后，把模型文件拿回这台电脑，在“模型”页用“导入模型…”添加。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="183" />
        <source>These settings have no command-line option and are left at their defaults there: {names}.</source>
        <translation>以下设置没有命令行选项，在那边会使用默认值：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="207" />
        <source>PowerShell script (*.ps1)</source>
        <translation>PowerShell 脚本 (*.ps1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="207" />
        <source>Shell script (*.sh)</source>
        <translation>Shell 脚本 (*.sh)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/launch_dialog.py" line="208" />
        <source>Save launch script</source>
        <translation>保存启动脚本</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="215" />
        <source>ResNet Studio</source>
        <extracomment>How long closing waits for a cancelled job to stop before giving up on it (ms). How long closing waits for work nobody would lose (torch or a model still loading, a weights look-up, the training helper starting) before the process exit leaves it behind (ms): loading torch cannot be interrupted and took up to 30 s on a busy machine, while the window was gone.</extracomment>
        <translation>ResNet Studio</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="216" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="235" />
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="217" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="235" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="294" />
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="218" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="235" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="219" />
        <source>Find out what is in your photos (Ctrl+1)</source>
        <translation>看看你的照片里有什么 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="220" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="295" />
        <source>Teach a model your own categories (Ctrl+2)</source>
        <translation>教模型认识你自己的类别 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="221" />
        <source>See, rename, import and export models (Ctrl+3)</source>
        <translation>查看、重命名、导入和导出模型 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="222" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="235" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="223" />
        <source>Classify what your camera sees, live (Ctrl+4)</source>
        <translation>实时识别摄像头拍到的内容 (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="224" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="235" />
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="225" />
        <source>Sort a folder of pictures into categories, helped by suggestions (Ctrl+5)</source>
        <translation>借助建议把一个文件夹的图片分到各个类别（Ctrl+5）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="228" />
        <source>Loading the Train view…</source>
        <translation>正在加载训练页面…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="229" />
        <source>The Train view is not available in this version.</source>
        <translation>此版本中没有训练页面。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="230" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="231" />
        <source>Recent folders</source>
        <translation>最近的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="232" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="233" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="234" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="237" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="238" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="239" />
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="240" />
        <source>Where your trained models and settings are kept</source>
        <translation>你训练的模型和设置保存在这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="241" />
        <location filename="../../app/resnet_studio/gui/main_window.py" line="568" />
        <source>About ResNet Studio</source>
        <translation>关于 ResNet Studio</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="242" />
        <source>Diagnostics…</source>
        <translation>诊断…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="243" />
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="244" />
        <source>First steps, keyboard shortcuts and where your models are kept (F1)</source>
        <translation>入门步骤、快捷键，以及模型保存在哪里（F1）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="247" />
        <source>Check that every part of ResNet Studio works on this computer</source>
        <translation>检查 ResNet Studio 的各个部分能否在这台电脑上正常工作</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="249" />
        <source>The model used to classify</source>
        <translation>用于分类的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="250" />
        <source>Where the models run: the processor (CPU) or a graphics card (GPU)</source>
        <translation>模型在哪里运行：处理器 (CPU) 或显卡 (GPU)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="329" />
        <source>Stop and quit?</source>
        <translation>停止并退出？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="330" />
        <source>A job is still running. Stop it and quit ResNet Studio?

Classification results not exported yet are lost; a training run stops and keeps the best model so far.</source>
        <translation>还有任务在运行。要停止它并退出 ResNet Studio 吗？

尚未导出的分类结果将丢失；训练会停止，并保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="435" />
        <source>Loading engine…</source>
        <translation>正在加载引擎…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="437" />
        <source>Engine not available</source>
        <translation>引擎不可用</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="454" />
        <source>CUDA · {gpu}</source>
        <translation>CUDA · {gpu}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="454" />
        <source>graphics card</source>
        <translation>显卡</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="456" />
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="458" />
        <source>CPU · 1 thread</source>
        <translation>CPU · 1 个线程</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/main_window.py" line="460" />
        <source>CPU · %n threads</source>
        <translation>
            <numerusform>CPU · %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="517" />
        <source>This translation is missing; showing English.</source>
        <translation>缺少此翻译；显示英文。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="529" />
        <source>No recent folders</source>
        <translation>没有最近的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="533" />
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/main_window.py" line="569" />
        <source>&lt;h3&gt;ResNet Studio {version}&lt;/h3&gt;&lt;p&gt;Classify photos with ResNet models and teach them your own categories — no code needed.&lt;/p&gt;&lt;p&gt;Built with PyTorch, torchvision and Qt.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ResNet Studio {version}&lt;/h3&gt;&lt;p&gt;用 ResNet 模型给照片分类，并教它们认识你自己的类别——无需编程。&lt;/p&gt;&lt;p&gt;基于 PyTorch、torchvision 和 Qt 构建。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="116" />
        <source>ImageNet models (1000 everyday categories)</source>
        <translation>ImageNet 模型（1000 种常见类别）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="120" />
        <source>{name} (not downloaded)</source>
        <translation>{name}（未下载）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="122" />
        <source>Your models</source>
        <translation>你的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="124" />
        <source>None yet: teach one in the Train tab</source>
        <translation>还没有：在“训练”页教一个</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="128" />
        <source>{name} ({n} categories)</source>
        <translation>{name}（{n} 个类别）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="131" />
        <source>Choose a model file…</source>
        <translation>选择模型文件…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="132" />
        <source>Use a .safetensors model file or a torchvision .pth file</source>
        <translation>使用 .safetensors 模型文件或 torchvision 的 .pth 文件</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="69" />
        <source>ImageNet models</source>
        <translation>ImageNet 模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="70" />
        <source>1000 categories</source>
        <translation>1000 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="71" />
        <source>Your models</source>
        <translation>你的模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="72" />
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="81" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="72" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="84" />
        <source>Import model…</source>
        <translation>导入模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="85" />
        <source>Add a model file (.safetensors, or a torchvision .pth) to your models (Ctrl+I)</source>
        <translation>把模型文件（.safetensors 或 torchvision 的 .pth）加入你的模型 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="87" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="98" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="88" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="100" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="89" />
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="90" />
        <source>Bring back the model you deleted last (Ctrl+Z)</source>
        <translation>恢复你最后删除的模型 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="91" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="93" />
        <source>Use in Classify</source>
        <translation>用于分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="92" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="95" />
        <source>Download weights</source>
        <translation>下载权重</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="94" />
        <source>Classify photos with this model</source>
        <translation>用这个模型给照片分类</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="96" />
        <source>Download the ImageNet weights of this model (internet needed)</source>
        <translation>下载此模型的 ImageNet 权重（需要联网）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="99" />
        <source>Give this model a new name (F2)</source>
        <translation>给这个模型起个新名字 (F2)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="101" />
        <source>Delete this model; you can undo it (Del, then Ctrl+Z)</source>
        <translation>删除此模型；可以撤销（Del，然后 Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="102" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="103" />
        <source>Save this model in a format other programs can use</source>
        <translation>把模型保存为其他程序能用的格式</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="104" />
        <source>ONNX (.onnx)…</source>
        <translation>ONNX (.onnx)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="105" />
        <source>TorchScript (.pt)…</source>
        <translation>TorchScript (.pt)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="96" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="96" />
        <source>Parameters per stage</source>
        <translation>各阶段参数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="97" />
        <source>Layers</source>
        <translation>网络层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="97" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="98" />
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="100" />
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="100" />
        <source>Input size:</source>
        <translation>输入尺寸：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="101" />
        <source>Categories:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="101" />
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="102" />
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="103" />
        <source>Validation accuracy:</source>
        <translation>验证准确率：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="104" />
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="104" />
        <source>Trained on:</source>
        <translation>训练数据：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="105" />
        <source>Training:</source>
        <translation>训练设置：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="109" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="109" />
        <source>Blocks</source>
        <translation>残差块</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="110" />
        <source>Output channels</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="110" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="111" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="113" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="113" />
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="114" />
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="114" />
        <source>Images</source>
        <translation>图片数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="85" />
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="86" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="87" />
        <source>Training runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/view.py" line="88" />
        <source>Every training run, kept with its settings and curves</source>
        <translation>每次训练都会保存，连同其设置和曲线</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="81" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="81" />
        <source>Pictures from</source>
        <translation>图片来源</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="82" />
        <source>What learned</source>
        <translation>训练范围</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="82" />
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="83" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="84" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="85" />
        <source>Show the curves and settings of the two selected runs side by side</source>
        <translation>并排显示所选两次训练的曲线和设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="87" />
        <source>Delete run</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="88" />
        <source>Forget the selected runs (their models are kept); you can undo it</source>
        <translation>删除所选的训练记录（模型会保留）；可以撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="125" />
        <location filename="../../app/resnet_studio/gui/models/details.py" line="162" />
        <source>on this computer</source>
        <translation>已在本机</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="126" />
        <source>not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="143" />
        <source>{n} categories</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="145" />
        <source>{acc:.0%} accurate</source>
        <translation>准确率 {acc:.0%}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="151" />
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/library_list.py" line="157" />
        <source>None yet: teach one in the Train tab</source>
        <translation>还没有：在“训练”页教一个</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="148" />
        <source>Choose a model on the left</source>
        <translation>请在左侧选择一个模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="149" />
        <source>ImageNet models recognise 1000 everyday categories; your own models recognise what you taught them.</source>
        <translation>ImageNet 模型能识别 1000 种常见类别；你自己的模型能识别你教给它的内容。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="158" />
        <source>{block} blocks, stages of {layers}</source>
        <translation>{block} 残差块，各阶段块数 {layers}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="163" />
        <source>not downloaded yet</source>
        <translation>尚未下载</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="198" />
        <source>What to train</source>
        <translation>训练哪些部分</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="199" />
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="200" />
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="201" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="202" />
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="202" />
        <source>{n} px</source>
        <translation>{n} 像素</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="204" />
        <source>{setting}: {value}</source>
        <translation>{setting}：{value}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="221" />
        <source>working…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="238" />
        <source>{crop} × {crop} pixels (photos are resized to {resize} first)</source>
        <translation>{crop} × {crop} 像素（照片先缩放到 {resize}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="243" />
        <source>{total} in total</source>
        <translation>共 {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="246" />
        <source> (small-image stem)</source>
        <translation>（小图输入层）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="247" />
        <source>stem (conv1 + bn1)</source>
        <translation>输入层 (conv1 + bn1)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="248" />
        <source>classifier (fc)</source>
        <translation>分类层 (fc)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="106" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="107" />
        <source>Share…</source>
        <translation>分享…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="108" />
        <source>Save this model as one file to give to someone else; opening it in ResNet Studio adds it</source>
        <translation>把这个模型存成一个文件发给别人；对方用 ResNet Studio 打开即可添加</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="139" />
        <source>Downloading weights…</source>
        <translation>正在下载权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="141" />
        <source>Downloading weights… {done:.0f} of {total:.0f} MB</source>
        <translation>正在下载权重… {done:.0f} / {total:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="144" />
        <source>Weights downloaded.</source>
        <translation>权重已下载。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="146" />
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="156" />
        <source>Rename model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="156" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="161" />
        <source>A model needs a name; the name cannot be empty.</source>
        <translation>模型需要一个名字；名字不能为空。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="165" />
        <source>Rename failed</source>
        <translation>重命名失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="176" />
        <source>Model renamed.</source>
        <translation>模型已重命名。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="196" />
        <source>“{name}” was deleted.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="197" />
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="248" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="199" />
        <source>“{name}” was deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除“{name}”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="220" />
        <source>Model restored.</source>
        <translation>模型已恢复。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="229" />
        <source>Import a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="230" />
        <source>Model files (*.safetensors *.pth *.pt);;All files (*)</source>
        <translation>模型文件 (*.safetensors *.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="235" />
        <location filename="../../app/resnet_studio/gui/models/opener.py" line="86" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="237" />
        <location filename="../../app/resnet_studio/gui/models/opener.py" line="66" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="243" />
        <location filename="../../app/resnet_studio/gui/models/opener.py" line="76" />
        <source>Imported “{name}”</source>
        <translation>已导入“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="244" />
        <source>Model imported.</source>
        <translation>模型已导入。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="253" />
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="254" />
        <source>TorchScript model (*.pt)</source>
        <translation>TorchScript 模型 (*.pt)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="255" />
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="260" />
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="261" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="264" />
        <source>Exporting… (this checks the exported model gives the same answers)</source>
        <translation>正在导出…（会检查导出的模型给出相同的答案）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="276" />
        <source>Share model</source>
        <translation>分享模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="277" />
        <source>ResNet Studio model (*.safetensors)</source>
        <translation>ResNet Studio 模型 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="282" />
        <source>Saved to {path}. Opening this file in ResNet Studio adds the model.</source>
        <translation>已保存到 {path}。在 ResNet Studio 中打开此文件即可添加该模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="284" />
        <source>Share failed</source>
        <translation>分享失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="295" />
        <source>The file manager could not be opened. The model file is here:
{path}</source>
        <translation>无法打开文件管理器。模型文件位于：
{path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="110" />
        <location filename="../../app/resnet_studio/gui/models/actions.py" line="296" />
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="153" />
        <source>last layer</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="153" />
        <source>last block</source>
        <translation>最后一个残差块</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="154" />
        <source>whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="160" />
        <source>Model file: {path}</source>
        <translation>模型文件：{path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="161" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="179" />
        <source>stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="182" />
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="186" />
        <source>No runs yet: every training in the Train tab is kept here</source>
        <translation>还没有训练记录：在“训练”页的每次训练都会保存在这里</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="187" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="201" />
        <source>Press Compare to see these two runs side by side.</source>
        <translation>点击“比较”并排查看这两次训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="203" />
        <source>Select a second run (Ctrl+click) to compare the two.</source>
        <translation>再选一次训练（Ctrl+单击）即可比较两者。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="205" />
        <source>Select two runs (Ctrl+click) to compare their curves and settings.</source>
        <translation>选择两次训练（Ctrl+单击）来比较它们的曲线和设置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="244" />
        <source>The run “{name}” was deleted.</source>
        <translation>训练记录“{name}”已删除。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="247" />
        <source>{n} runs were deleted.</source>
        <translation>已删除 {n} 条训练记录。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="264" />
        <source>Run restored.</source>
        <translation>训练记录已恢复。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/runs_panel.py" line="265" />
        <source>Runs restored.</source>
        <translation>训练记录已恢复。</translation>
    </message>
</context>
<context>
    <name>PictureMoves</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="73" />
        <source>{file} could not be moved: {reason}</source>
        <translation>无法移动 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/cell_pictures.py" line="89" />
        <source>{file} could not be put back: {reason}</source>
        <translation>无法放回 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>PictureView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="225" />
        <source>{name} – ResNet Studio</source>
        <extracomment>How much one step of +/− or one wheel notch zooms. How strongly the heat map covers the picture (as in the gallery and on the cards by default). The picture is on screen (True) or could not be opened (False).</extracomment>
        <translation>{name} – ResNet Studio</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="226" />
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="227" />
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="228" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="229" />
        <source>Fit the picture to the window (0)</source>
        <translation>让图片适应窗口大小（0）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="230" />
        <source>Actual size: one picture pixel per screen pixel (1)</source>
        <translation>实际大小：图片的一个像素对应屏幕的一个像素（1）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="231" />
        <source>Show what the model looked at</source>
        <translation>显示模型关注的区域</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="232" />
        <source>Colour the picture by how much each part made the model give its label (H)</source>
        <translation>按各部分对模型给出该标签的影响大小为图片着色（H）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="234" />
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="235" />
        <source>Save the picture as you see it here, heat map included when shown</source>
        <translation>按这里看到的样子保存图片（显示热力图时一并保存）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="252" />
        <source>{rank}. {label}  {score:.1f} %</source>
        <translation>{rank}. {label}  {score:.1f}%</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="267" />
        <source>This picture could not be opened: {reason}</source>
        <translation>无法打开这张图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="269" />
        <source>Opening the picture…</source>
        <translation>正在打开图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="271" />
        <source>Working out what the model looked at…</source>
        <translation>正在分析模型关注的区域…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="273" />
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="329" />
        <source>What the model looked at could not be worked out for this picture.</source>
        <translation>无法分析模型在这张图片上关注的区域。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="388" />
        <source>This picture was classified with another model: classify it again to see why.</source>
        <translation>这张图片是用另一个模型分类的：请重新分类后再查看原因。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="424" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="427" />
        <source>Could not save the picture to {path}. Choose another folder.</source>
        <translation>无法将图片保存到 {path}，请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="433" />
        <source>what the model looked at</source>
        <translation>模型关注区域</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="435" />
        <source>Save as PNG</source>
        <translation>另存为 PNG</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/picture_view.py" line="435" />
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/i18n.py" line="47" />
        <source>&amp;Look in:</source>
        <extracomment>(code, name shown in the Language menu, always in its own language).</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/i18n.py" line="48" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReliabilityTable</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="86" />
        <source>The model said</source>
        <translation>模型给出的把握</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="86" />
        <source>It was right</source>
        <translation>实际答对</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="86" />
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="87" />
        <source>How often the model was right when it was this sure, on pictures it did not learn from. Below 50% an answer shows as "not sure".</source>
        <translation>模型在没学过的图片上，有这么大把握时实际答对的比例。把握低于 50% 的回答会显示为“不确定”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="112" />
        <source>This model's confidence was not checked (it was made by an older version).</source>
        <translation>这个模型的把握程度没有经过校验（它由旧版本生成）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="116" />
        <source>Checked on %n pictures: each one judged by a model trained without it. The confidence the app shows has been adjusted to match.</source>
        <translation>
            <numerusform>已用 %n 张图片校验：每张图片都由一个没用它训练的模型来判断。应用显示的把握程度已据此调整。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="119" />
        <source>Checked on %n validation pictures. The confidence the app shows has been adjusted to match.</source>
        <translation>
            <numerusform>已用 %n 张验证图片校验。应用显示的把握程度已据此调整。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/reliability.py" line="121" />
        <source>Only %n validation pictures: too few to adjust the confidence, so it is the network's own.</source>
        <translation>
            <numerusform>只有 %n 张验证图片，太少，无法调整把握程度，显示的是网络本身给出的值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="124" />
        <source>✓ Right</source>
        <extracomment>Longest time one repaint of the results list spends drawing card pictures that are not cached yet (seconds). A card takes 2-8 ms to draw while photos decode; when the list's width changes (its scroll bar appears, the window is resized) every visible card is drawn again, and seven at once froze the window for 40 ms. Cards past the budget show their previous picture (or an empty card) and are finished by the next repaint, right after. A card with "Show why" on is painted without its heat map yet: record id. The user clicked one of the top-k label rows of an expanded card while "Show why" is on. The "Right" / "Wrong…" buttons of a card (shown when ``can_correct(record)``); Wrong also gives the button's rectangle in viewport coordinates (where to open the class menu).</extracomment>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="125" />
        <source>Wrong…</source>
        <translation>错误…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="357" />
        <source>Could not read this file: {reason}</source>
        <translation>无法读取此文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="377" />
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="379" />
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="101" />
        <source>earlier model</source>
        <extracomment>The "Show why" heat image (QImage) to draw over the thumbnail; None when "Show why" is off or the map is not computed yet. True when the row was made by another model than the one in use (see :meth:`ResultsModel.set_current_model`): shown as stale until its new answer arrives.</extracomment>
        <translation>旧模型</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="412" />
        <source>adding…</source>
        <translation>添加中…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results.py" line="414" />
        <source>added to {category}</source>
        <translation>已添加到 {category}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="112" />
        <source>Added to “{category}” in the training folder</source>
        <translation>已添加到训练文件夹的“{category}”中</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="114" />
        <source>Made by {model}, an earlier model, not by the one in use now.</source>
        <translation>由之前的模型 {model} 得出，不是当前使用的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="117" />
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="118" />
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/results_model.py" line="119" />
        <source>Made with: {backend}</source>
        <translation>运行方式：{backend}</translation>
    </message>
</context>
<context>
    <name>RetrainFlow</name>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/retrain_flow.py" line="370" />
        <source>%n photos added to the training folder of {name}.</source>
        <translation>
            <numerusform>已向 {name} 的训练文件夹添加 %n 张照片。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="135" />
        <source>Sort into folders</source>
        <translation>分到文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="137" />
        <source>Each picture goes into a folder named after its category. Pictures the model is not sure about go into “{unsure}”. Nothing is overwritten, and you can undo it.</source>
        <translation>每张图片会放进以其类别命名的文件夹。模型拿不准的图片放进“{unsure}”。不会覆盖任何文件，而且可以撤销。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="139" />
        <source>Into:</source>
        <translation>放到：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="140" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="141" />
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="142" />
        <source>Copy (the pictures also stay where they are)</source>
        <translation>复制（原图片留在原处）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="143" />
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="144" />
        <source>Not sure below:</source>
        <translation>低于此值算“不确定”：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="145" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="145" />
        <source>Pictures</source>
        <translation>图片数</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="146" />
        <source>Sort</source>
        <translation>开始整理</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="147" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="148" />
        <source>Show folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="172" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="172" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="182" />
        <source>{folder} (not sure)</source>
        <translation>{folder}（不确定）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="190" />
        <source>Choose the folder to sort the pictures into.</source>
        <translation>请选择要把图片整理到哪个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="197" />
        <source>Sort into which folder?</source>
        <translation>整理到哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="216" />
        <source>Sorting failed</source>
        <translation>整理失败</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="217" />
        <source>Cancelled: nothing was sorted.</source>
        <translation>已取消：没有整理任何图片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="232" />
        <source>Moved %n pictures.</source>
        <translation>
            <numerusform>已移动 %n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="233" />
        <source>Copied %n pictures.</source>
        <translation>
            <numerusform>已复制 %n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="235" />
        <source>%n pictures stayed where they were (they could not be read or placed).</source>
        <translation>
            <numerusform>%n 张图片留在原处（无法读取或放置）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="237" />
        <source>The sort stopped early: the destination disk is full or read-only.</source>
        <translation>整理提前停止：目标磁盘已满或只读。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="239" />
        <source>Cancelled: the rest stayed where they were.</source>
        <translation>已取消：其余图片留在原处。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="257" />
        <source>Undo failed</source>
        <translation>撤销失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="267" />
        <source>Undone: %n pictures are back where they were.</source>
        <translation>
            <numerusform>已撤销：%n 张图片已回到原处。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="269" />
        <source>Undone: %n copies removed.</source>
        <translation>
            <numerusform>已撤销：删除了 %n 个副本。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="271" />
        <source>%n files were changed after the sort and were kept.</source>
        <translation>
            <numerusform>%n 个文件在整理后被改动过，已保留。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortIntoFolders</name>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="304" />
        <source>Sort into folders…</source>
        <translation>分到文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="305" />
        <source>Copy or move these pictures into one folder per category</source>
        <translation>把这些图片按类别复制或移动到各自的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="306" />
        <source>Undo sort into folders</source>
        <translation>撤销“分到文件夹”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/classify/sort_into_folders.py" line="315" />
        <source>There are no classified pictures to sort yet.</source>
        <translation>还没有可整理的已分类图片。</translation>
    </message>
</context>
<context>
    <name>SortPreviewDialog</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="103" />
        <source>Sort pictures by file name</source>
        <translation>按文件名整理图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="105" />
        <source>These pictures are not in category folders yet. The category names below were found in the file names; edit them if needed. The pictures are copied, the original folder is not changed.</source>
        <translation>这些图片还没有放在类别文件夹中。下面的类别名称是从文件名中找到的，需要时可以修改。图片会被复制，原文件夹不会改变。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="108" />
        <source>&amp;Categories:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="109" />
        <source>Category names separated by commas, e.g. cat, dog, bird.</source>
        <translation>用逗号分隔的类别名称，例如 cat, dog, bird。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="110" />
        <source>&amp;Update preview</source>
        <translation>更新预览(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111" />
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="111" />
        <source>Goes into</source>
        <translation>放入</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="112" />
        <source>Copy &amp;into:</source>
        <translation>复制到(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="113" />
        <source>A new folder for the sorted pictures (it is created if needed).</source>
        <translation>存放整理后图片的新文件夹（需要时会自动创建）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="114" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="115" />
        <source>&amp;Copy pictures</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="116" />
        <source>Copy each picture into the folder of its category.</source>
        <translation>把每张图片复制到它所属类别的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="126" />
        <source>Reading the file names…</source>
        <translation>正在读取文件名…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="172" />
        <source>{category} (%n pictures)</source>
        <translation>
            <numerusform>{category}（%n 张图片）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="177" />
        <source>No category name in the file name (%n pictures)</source>
        <translation>
            <numerusform>文件名中没有类别名称（%n 张图片）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="183" />
        <source>More than one category name (%n pictures)</source>
        <translation>
            <numerusform>包含多个类别名称（%n 张图片）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="178" />
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="180" />
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="184" />
        <source>not copied</source>
        <translation>不复制</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="193" />
        <source>{count} pictures will be copied into {folders} category folders; {left} stay out.</source>
        <translation>将把 {count} 张图片复制到 {folders} 个类别文件夹中；{left} 张不复制。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="200" />
        <source>Choose where to put the sorted pictures</source>
        <translation>选择整理后图片的存放位置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/dataset_sort_dialog.py" line="209" />
        <source>Choose a folder to copy the sorted pictures into.</source>
        <translation>选择一个文件夹来存放整理后的图片。</translation>
    </message>
</context>
<context>
    <name>SuspiciousLabelsPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="64" />
        <source>{name}
folder: {label} → looks like: {suggested}
score {score}</source>
        <translation>{name}
所在文件夹：{label} → 看起来像：{suggested}
可疑度 {score}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="69" />
        <source>Move to “{category}”</source>
        <translation>移到“{category}”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="71" />
        <source>Move the picture into the folder {category}. Undo puts it back.</source>
        <translation>把图片移到文件夹 {category}。撤销可放回原处。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="74" />
        <source>Take out of the dataset</source>
        <translation>移出数据集</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="75" />
        <source>Move the picture into a “_removed” folder beside the dataset. Undo puts it back.</source>
        <translation>把图片移到数据集旁边的“_removed”文件夹。撤销可放回原处。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="141" />
        <source>Pictures that may be in the wrong folder</source>
        <extracomment>A picture was moved or put back: the folder's counts changed.</extracomment>
        <translation>可能放错文件夹的图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="142" />
        <source>&amp;Look for wrong labels</source>
        <translation>查找错误标注(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="144" />
        <source>Compares every picture with the rest of its category using the ImageNet network, and lists the ones that look more like another category.</source>
        <translation>用 ImageNet 网络把每张图片与同类别的其他图片比较，列出更像其他类别的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="146" />
        <source>&amp;Undo move</source>
        <translation>撤销移动(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="147" />
        <source>Put the last moved picture back (Ctrl+Z)</source>
        <translation>把最后移动的图片放回原处（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="222" />
        <source>Reading pictures: {done} of {total}</source>
        <translation>正在读取图片：{done}/{total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="248" />
        <source>The pictures could not be compared: {reason}</source>
        <translation>无法比较图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="270" />
        <source>The picture could not be moved: {reason}</source>
        <translation>无法移动图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="285" />
        <source>Not undone: another picture is now called {name}.</source>
        <translation>未撤销：已有另一张图片叫 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="289" />
        <source>The picture could not be put back: {reason}</source>
        <translation>无法放回图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="316" />
        <source>Comparing the pictures with each other…</source>
        <translation>正在相互比较图片…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="318" />
        <source>Finds pictures that look like they belong to another category.</source>
        <translation>找出看起来属于其他类别的图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="320" />
        <source>This check needs the ImageNet weights: {reason}</source>
        <translation>此检查需要 ImageNet 权重：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="322" />
        <source>No picture looks like it is in the wrong folder.</source>
        <translation>没有发现放错文件夹的图片。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="325" />
        <source>%n picture(s) may be in the wrong folder, most suspicious first.</source>
        <translation>
            <numerusform>%n 张图片可能放错了文件夹，最可疑的排在前面。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/suspicious_labels.py" line="327" />
        <source>Showing the first {shown}.</source>
        <translation>只显示前 {shown} 张。</translation>
    </message>
</context>
<context>
    <name>TrainProgress</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="42" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="43" />
        <source>Stop training. The best model so far is kept.</source>
        <translation>停止训练。会保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="44" />
        <source>Progress of the whole training run.</source>
        <translation>整个训练过程的进度。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="65" />
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="109" />
        <source>Getting ready: reading the folder and loading the network…</source>
        <translation>准备中：正在读取文件夹并加载网络…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="110" />
        <source>Looking at every picture once (this makes the epochs fast)…</source>
        <translation>正在把每张图片看一遍（这样之后每轮训练会更快）…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="111" />
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="112" />
        <source>Testing the model on the validation pictures…</source>
        <translation>正在用验证图片测试模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="113" />
        <source>Saving the model…</source>
        <translation>正在保存模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="116" />
        <source>Downloading the ImageNet weights…</source>
        <translation>正在下载 ImageNet 权重…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="118" />
        <source>Reading every picture once…</source>
        <translation>正在把每张图片读一遍…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="124" />
        <source>Not training. Choose your pictures, then press Start training.</source>
        <translation>未在训练。请选择图片，然后点击“开始训练”。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="126" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="134" />
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s</source>
        <translation>第 {epoch} / {epochs} 轮 · 每秒 {speed} 张图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="137" />
        <source>Epoch {epoch} of {epochs} · {speed} pictures/s · about {eta} left</source>
        <translation>第 {epoch} / {epochs} 轮 · 每秒 {speed} 张图片 · 约剩 {eta}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="141" />
        <source>Stopping after the current step…</source>
        <translation>完成当前步骤后停止…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="145" />
        <source>Training finished.</source>
        <translation>训练完成。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="146" />
        <source>Training was cancelled. The best model so far was kept.</source>
        <translation>训练已取消。已保留目前最好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="147" />
        <source>Training was cancelled before the first epoch ended; no model was saved.</source>
        <translation>训练在第一轮结束前被取消；没有保存模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="148" />
        <source>Training failed: {reason}</source>
        <translation>训练失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_progress.py" line="158" />
        <source>After epoch {epoch}: {val} right on the validation pictures (best so far {best}), loss {loss:.3f}.</source>
        <translation>第 {epoch} 轮后：验证图片正确率 {val}（目前最好 {best}），损失 {loss:.3f}。</translation>
    </message>
</context>
<context>
    <name>TrainSettingsPanel</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="183" />
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation>最小最快；在笔记本电脑上入门的好选择。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="184" />
        <source>A little deeper than ResNet-18; a bit more accurate, a bit slower.</source>
        <translation>比 ResNet-18 稍深；更准确一点，也慢一点。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="185" />
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation>经典的全能型；更准确，但更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="186" />
        <source>Deep and accurate; best with a graphics card.</source>
        <translation>层数深、准确；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="187" />
        <source>The deepest ResNet; best with a graphics card.</source>
        <translation>最深的 ResNet；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="188" />
        <source>Grouped convolutions: about the speed of ResNet-50, more accurate.</source>
        <translation>分组卷积：速度与 ResNet-50 相当，更准确。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="189" />
        <source>Large and accurate; needs a graphics card.</source>
        <translation>大而准确；需要显卡。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="190" />
        <source>Twice as wide as ResNet-50; accurate and heavy.</source>
        <translation>宽度是 ResNet-50 的两倍；准确但计算量大。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="195" />
        <source>2. Settings</source>
        <translation>2. 设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="196" />
        <source>Model &amp;name:</source>
        <translation>模型名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="197" />
        <source>For example: Leaf diseases</source>
        <translation>例如：叶片病害</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="198" />
        <source>How the new model is called in your model list. You can change it after training.</source>
        <translation>新模型在模型列表中的名字。训练后也可以修改。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="200" />
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="201" />
        <source>Show or hide the settings most people never need to change.</source>
        <translation>显示或隐藏大多数人不需要修改的设置。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="190" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="203" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="210" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="211" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="212" />
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="191" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="204" />
        <source>Last layer only (fastest)</source>
        <translation>只训练最后一层（最快）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="192" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="205" />
        <source>Last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/models/details.py" line="193" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="206" />
        <source>The whole network (slowest)</source>
        <translation>整个网络（最慢）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="213" />
        <source>Start from ImageNet knowledge (recommended)</source>
        <translation>从 ImageNet 学到的知识开始（推荐）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="214" />
        <source>Vary the training pictures (flips, crops, colours)</source>
        <translation>变换训练图片（翻转、裁剪、颜色）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="215" />
        <source>Mirror pictures while training (off for text and digits)</source>
        <translation>左右翻转图片（文字、数字请关闭）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="216" />
        <source>Even out uneven categories</source>
        <translation>平衡各类别的图片数量</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="217" />
        <source>Reset to defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="218" />
        <source>Put every setting except the model name back to how it was at first.</source>
        <translation>将除模型名称外的所有设置恢复为初始值。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="219" />
        <source>Find a good learning rate</source>
        <translation>查找合适的学习率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="221" />
        <source>Try learning rates from very small to very large on your pictures for a few seconds and suggest one. The model is not changed.</source>
        <translation>在你的图片上用几秒钟从很小到很大依次尝试学习率，并给出建议。不会改动模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="226" />
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="226" />
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="252" />
        <source>Bigger networks can be more accurate but train and run slower.</source>
        <translation>更大的网络可能更准确，但训练和运行都更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="227" />
        <source>&amp;What to train:</source>
        <translation>训练哪些部分(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="227" />
        <source>Training less of the network is faster and needs fewer pictures; Automatic decides from your dataset.</source>
        <translation>训练网络中较少的部分更快，需要的图片也更少；“自动”会根据你的数据集决定。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="228" />
        <source>Starting point:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="228" />
        <source>Off means learning from scratch: needs many more pictures and epochs.</source>
        <translation>关闭表示从零开始学习：需要多得多的图片和训练轮数。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="229" />
        <source>&amp;Epochs:</source>
        <translation>训练轮数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="229" />
        <source>How many times the model sees every training picture.</source>
        <translation>模型看每张训练图片的次数。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="230" />
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="230" />
        <source>Pictures processed together; lower it if the computer runs out of memory.</source>
        <translation>一次一起处理的图片数；如果内存不足请调小。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="231" />
        <source>&amp;Learning rate:</source>
        <translation>学习率(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="231" />
        <source>How big each learning step is; too high makes training unstable.</source>
        <translation>每一步学习的幅度；太大会让训练不稳定。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="232" />
        <source>&amp;Image size:</source>
        <translation>图片尺寸(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="232" />
        <source>Pictures are resized to this; smaller is faster, larger sees finer detail.</source>
        <translation>图片会缩放到这个尺寸；越小越快，越大越能看清细节。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="233" />
        <source>Augmentation:</source>
        <translation>数据增强：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="233" />
        <source>Random changes to the pictures help the model generalise to new photos.</source>
        <translation>对图片做随机变化，能帮助模型适应新照片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="234" />
        <source>Mirroring:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="234" />
        <source>A picture and its mirror image mean the same for photos, not for text, digits or arrows.</source>
        <translation>照片和它的镜像意思相同；文字、数字或箭头则不然。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="235" />
        <source>Balance:</source>
        <translation>类别均衡：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="235" />
        <source>When one category has three times the pictures of another, the small ones count more while training, so they are not overlooked.</source>
        <translation>某个类别的图片数达到另一类别的三倍时，训练会提高小类别的权重，避免它们被忽视。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="331" />
        <source>last layer only</source>
        <translation>仅最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="332" />
        <source>last block and last layer</source>
        <translation>最后一个模块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="333" />
        <source>the whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="336" />
        <source>from scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="338" />
        <source>{size} px</source>
        <translation>{size} px</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="340" />
        <source>%n epochs</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="342" />
        <source>batch size {n}</source>
        <translation>批大小 {n}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="344" />
        <source>learning rate {lr}</source>
        <translation>学习率 {lr}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="346" />
        <source>pictures not varied</source>
        <translation>不变换图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="348" />
        <source>not mirrored</source>
        <translation>不镜像</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="350" />
        <source>uneven categories not evened out</source>
        <translation>不平衡类别数量</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="356" />
        <source>Not the defaults: {settings}</source>
        <translation>非默认设置：{settings}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_settings.py" line="356" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>TrainTime</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="61" />
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="63" />
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/train_common.py" line="64" />
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
</context>
<context>
    <name>TrainView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="163" />
        <source>Start training</source>
        <extracomment>A run expected to take longer than this (seconds) says so and asks before it starts.</extracomment>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="166" />
        <source>Run on a bigger machine…</source>
        <translation>在更强的机器上运行…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="168" />
        <source>The command that trains this model on a computer with several GPUs, or on several computers.</source>
        <translation>在有多块 GPU 的电脑或多台电脑上训练此模型的命令。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="169" />
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="170" />
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="171" />
        <source>Live curves of how well the model is learning.</source>
        <translation>实时显示模型学得怎么样的曲线。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="172" />
        <source>Accuracy, mistakes and saving the model, after training.</source>
        <translation>训练后的准确率、错误和模型保存。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="221" />
        <source>A model is being trained.</source>
        <translation>正在训练模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="223" />
        <source>Looking for a good learning rate; start when it is done.</source>
        <translation>正在查找合适的学习率；完成后再开始训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="225" />
        <source>Train a new model on these pictures (Ctrl+Enter).</source>
        <translation>用这些图片训练一个新模型 (Ctrl+Enter)。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="227" />
        <source>Choose a folder with at least two categories of pictures first.</source>
        <translation>请先选择一个至少包含两个类别图片的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="283" />
        <source>Start a long training?</source>
        <translation>要开始一次耗时较长的训练吗？</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="284" />
        <source>This training will take about {duration} on this computer.</source>
        <translation>在这台电脑上，这次训练大约需要 {duration}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/train_view.py" line="286" />
        <source>%n epochs</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="288" />
        <source>Not the defaults: {settings}</source>
        <translation>非默认设置：{settings}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="288" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/train_view.py" line="290" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="242" />
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="243" />
        <source>Accuracy (higher is better)</source>
        <translation>准确率（越高越好）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="244" />
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="245" />
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="246" />
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="247" />
        <source>Accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="249" />
        <source>How wrong the model still is. The thin line is each batch, the thick line its smoothed trend, the dots are measured on the validation pictures after each epoch.</source>
        <translation>模型还错得有多厉害。细线是每一批的值，粗线是平滑后的趋势，圆点是每轮结束后在验证图片上测得的值。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="253" />
        <source>Share of pictures put in the right category after each epoch: on the validation pictures (which the model never learns from) and on the training pictures.</source>
        <translation>每轮结束后被分到正确类别的图片比例：分别在验证图片（模型从不从中学习）和训练图片上测量。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="258" />
        <source>Training (each batch)</source>
        <translation>训练（每批）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="259" />
        <source>Training (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="260" />
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="263" />
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/plots.py" line="264" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="198" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="199" />
        <source>A name for this model</source>
        <translation>给这个模型起个名字</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="200" />
        <source>The name this model gets in the model list and its file name.</source>
        <translation>此模型在模型列表中的名字，也是它的文件名。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="201" />
        <source>&amp;Save model</source>
        <translation>保存模型(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="202" />
        <source>Keep this model under the name you typed.</source>
        <translation>用你输入的名字保存此模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="203" />
        <source>&amp;Use this model</source>
        <translation>使用此模型(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="226" />
        <source>Validation pictures the model got wrong, the surest mistakes first. Each reads: its true category → what the model guessed. Click a picture to open it.</source>
        <translation>模型判断错误的验证图片，最有把握的错误排在前面。每张图片下标注：实际类别 → 模型猜测的类别。点击图片可打开。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="361" />
        <source>No results: the run stopped before its first epoch ended.</source>
        <translation>没有结果：训练在第一轮结束前就停止了。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="369" />
        <source>Training was stopped after %n epochs ({duration}). The best model so far (epoch {best}) was kept.</source>
        <translation>
            <numerusform>训练在 %n 轮后停止（{duration}）。已保留目前最好的模型（第 {best} 轮）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="372" />
        <source>Trained for %n epochs in {duration}; the best was epoch {best}, and that is the model kept.</source>
        <translation>
            <numerusform>共训练 %n 轮，用时 {duration}；第 {best} 轮最好，保留的就是这个模型。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="387" />
        <source>Trained {what} of {arch}, %n epochs, batch size {batch}, learning rate {lr:g}.</source>
        <translation>
            <numerusform>训练了 {arch} 的{what}，%n 轮，批大小 {batch}，学习率 {lr:g}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="314" />
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="395" />
        <source>%n pictures could not be read and were left out.</source>
        <translation>
            <numerusform>%n 张图片无法读取，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="409" />
        <source>it calls almost every picture '{name}'</source>
        <translation>它几乎把每张图片都认作“{name}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="411" />
        <source>it is right about as often as a random pick among %n categories</source>
        <translation>
            <numerusform>它的准确率和在 %n 个类别中随便猜差不多</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="412" />
        <source>This model is hardly better than guessing: {why}. Train it longer, start from ImageNet knowledge, or add pictures.</source>
        <translation>这个模型几乎和瞎猜差不多：{why}。请训练更久、从 ImageNet 知识开始训练，或添加更多图片。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="444" />
        <source>This model is no longer in your library (it was deleted or moved).</source>
        <translation>这个模型已不在你的模型库中（已被删除或移走）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="445" />
        <source>This model is hardly better than guessing, so it is not offered for classifying.</source>
        <translation>这个模型几乎和瞎猜差不多，所以不提供用于分类。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="446" />
        <source>Switch to the Classify view with this model selected.</source>
        <translation>切换到“分类”页并选中此模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="493" />
        <source>true {true} →
guessed {predicted}
{confidence} sure</source>
        <translation>实际：{true} →
猜测：{predicted}
把握 {confidence}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="698" />
        <source>%n pictures could not be shown: {reason}</source>
        <translation>
            <numerusform>%n 张图片无法显示：{reason}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="206" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="206" />
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="206" />
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="206" />
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="209" />
        <source>The category (one sub-folder of your dataset).</source>
        <translation>类别（数据集中的一个子文件夹）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="210" />
        <source>Of the pictures the model put in this category, the share that really belong there.</source>
        <translation>在模型归入此类别的图片中，真正属于该类别的比例。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="211" />
        <source>Of the pictures of this category, the share the model recognised.</source>
        <translation>在此类别的图片中，被模型认出来的比例。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="212" />
        <source>How many validation pictures of this category were tested.</source>
        <translation>此类别有多少张验证图片参与了测试。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="218" />
        <source>Per category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="219" />
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="220" />
        <source>Mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="221" />
        <source>How sure</source>
        <translation>把握程度</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="222" />
        <source>How often the model is right when it says it is 70%, 90% or 99% sure.</source>
        <translation>模型说有 70%、90% 或 99% 把握时，实际答对的比例。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="224" />
        <source>Rows are the true categories, columns what the model said. Everything off the diagonal is a mistake.</source>
        <translation>行是真实类别，列是模型的判断。对角线以外的都是错误。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="229" />
        <source>Show what the model looked at</source>
        <translation>显示模型关注的区域</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="230" />
        <source>Colour each picture by how much each part made the model give its wrong answer: red the most, blue not at all (Grad-CAM).</source>
        <translation>按图片各部分对模型错误答案的影响程度着色：红色最大，蓝色没有影响（Grad-CAM）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="234" />
        <source>&amp;Retrain</source>
        <translation>重新训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="235" />
        <source>&amp;Test on a labelled folder…</source>
        <translation>用已标注的文件夹测试(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="236" />
        <source>Check this model on pictures it has never seen: a folder with one sub-folder per category.</source>
        <translation>用模型从未见过的图片检验它：文件夹里每个类别一个子文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="305" />
        <source>Accuracy on the pictures of {folder}: {accuracy}</source>
        <translation>在 {folder} 的图片上的准确率：{accuracy}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="307" />
        <source>%n pictures tested.</source>
        <translation>
            <numerusform>共测试 %n 张图片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="310" />
        <source>%n files were left out: not pictures, or of a category the model does not know.</source>
        <translation>
            <numerusform>%n 个文件未参与测试：不是图片，或属于模型不认识的类别。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="360" />
        <source>No model was saved.</source>
        <translation>没有保存模型。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="365" />
        <source>Accuracy on the validation pictures: {accuracy}</source>
        <translation>验证图片上的准确率：{accuracy}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="383" />
        <source>last layer only</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="384" />
        <source>last block and last layer</source>
        <translation>最后一个残差块和最后一层</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="385" />
        <source>the whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="417" />
        <source>Saved as {file}</source>
        <translation>已保存为 {file}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="420" />
        <source>Kept for now as {file}. Type a name and save it to find it easily.</source>
        <translation>暂时保存为 {file}。输入名字并保存，以后更容易找到。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="496" />
        <source>This is '{true}' but the model said '{predicted}' ({confidence} sure).
{path}</source>
        <translation>这是“{true}”，但模型说是“{predicted}”（把握 {confidence}）。
{path}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="530" />
        <source>This is '{true}' but the model said '{predicted}' ({confidence} sure).</source>
        <translation>这是“{true}”，但模型说是“{predicted}”（把握 {confidence}）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="543" />
        <source>View large</source>
        <translation>查看大图</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="544" />
        <source>Open the photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="569" />
        <source>Move to '{category}'</source>
        <translation>移到“{category}”</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="571" />
        <source>Take out of the dataset</source>
        <translation>移出数据集</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="573" />
        <source>Undo the last move</source>
        <translation>撤销上一次移动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="591" />
        <source>Train again with the same settings on the folder with the %n pictures you moved.</source>
        <translation>
            <numerusform>用相同设置，在移动了 %n 张图片后的文件夹上重新训练。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="592" />
        <source>Train again with the same settings on the folder as it is now.</source>
        <translation>用相同设置，在文件夹的当前内容上重新训练。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="688" />
        <source>The heat maps cannot be shown: {reason}</source>
        <translation>无法显示热力图：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="694" />
        <source>Working out what the model looked at… ({done} of {total})</source>
        <translation>正在计算模型关注的区域…（{done} / {total}）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/training_results.py" line="696" />
        <source>Red: where the model looked most when it gave its wrong answer; blue: not at all.</source>
        <translation>红色：模型给出错误答案时最关注的地方；蓝色：完全没关注。</translation>
    </message>
</context>
<context>
    <name>WebcamView</name>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="296" />
        <source>Details</source>
        <extracomment>Rates are measured over this many seconds of recent frames. The spec of the model whose labels are shown (ImageNet names follow the language).</extracomment>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="297" />
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="298" />
        <source>Snapshots go to:</source>
        <translation>快照保存到：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="299" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="300" />
        <source>A dataset folder: one subfolder per class, as the Train view uses</source>
        <translation>数据集文件夹：每个类别一个子文件夹，与“训练”页使用的相同</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="301" />
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="302" />
        <source>class name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="304" />
        <source>The subfolder the snapshot goes into; type a new name to make a new class</source>
        <translation>快照存入的子文件夹；输入新名称即可新建类别</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="305" />
        <source>Take snapshot</source>
        <translation>拍快照</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="306" />
        <source>Save the picture shown now as a new photo in the class folder</source>
        <translation>把当前画面作为一张新照片保存到类别文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="352" />
        <source>No camera was found on this computer. Connect a camera (or allow ResNet Studio to use it) and it appears here.</source>
        <translation>这台电脑上没有找到摄像头。连接摄像头（或允许 ResNet Studio 使用它）后，画面会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="478" />
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="496" />
        <source>No labels: the model could not be loaded.</source>
        <translation>没有标签：模型无法加载。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="498" />
        <source>The camera's model could not be loaded: {message}</source>
        <translation>摄像头使用的模型无法加载：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="541" />
        <source>Camera {fps:.0f} frames/s · classifying {n:.1f} frames/s</source>
        <translation>摄像头 {fps:.0f} 帧/秒 · 每秒识别 {n:.1f} 帧</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="543" />
        <source>No model · camera {fps:.0f} frames/s</source>
        <translation>没有模型 · 摄像头 {fps:.0f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="545" />
        <source>Waiting for the Classify view's model…</source>
        <translation>正在等待“分类”页的模型…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="547" />
        <source>{model} · {rates}</source>
        <translation>{model} · {rates}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="563" />
        <source>Choose the dataset folder for snapshots</source>
        <translation>选择保存快照的数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="584" />
        <source>(no folder chosen)</source>
        <translation>（尚未选择文件夹）</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="609" />
        <source>There is no camera picture to save yet.</source>
        <translation>还没有可保存的摄像头画面。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="615" />
        <source>Type the class this picture belongs to first (letters, digits, spaces or dashes).</source>
        <translation>请先输入这张图片所属的类别（字母、数字、空格或连字符）。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="624" />
        <source>The snapshot was not saved: {message}</source>
        <translation>快照未保存：{message}</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="634" />
        <source>Saved {file} in {folder}.</source>
        <translation>已将 {file} 保存到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="658" />
        <source>Starting the camera…</source>
        <translation>正在打开摄像头…</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="661" />
        <source>Press “Start camera” to see what the model recognises, live.

Pictures never leave this computer.</source>
        <translation>点击“打开摄像头”，实时查看模型识别出的内容。

画面不会离开这台电脑。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="671" />
        <source>Stop camera</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/webcam_view.py" line="671" />
        <source>Start camera</source>
        <translation>打开摄像头</translation>
    </message>
</context>
<context>
    <name>Zoo</name>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="15" />
        <source>Smallest and fastest; a good start on a laptop.</source>
        <translation>最小最快；在笔记本电脑上入门的好选择。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="16" />
        <source>A little deeper than ResNet-18.</source>
        <translation>比 ResNet-18 稍深一些。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="17" />
        <source>The classic all-rounder; more accurate, slower.</source>
        <translation>经典的全能型；更准确，但更慢。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="18" />
        <source>Deep and accurate; best with a GPU.</source>
        <translation>层数深、准确；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="19" />
        <source>The deepest ResNet; best with a GPU.</source>
        <translation>最深的 ResNet；最好配合显卡使用。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="20" />
        <source>Grouped convolutions: ResNet-50 speed, better accuracy.</source>
        <translation>分组卷积：与 ResNet-50 速度相当，准确率更高。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="21" />
        <source>Large and accurate; needs a GPU.</source>
        <translation>大而准确；需要显卡。</translation>
    </message>
    <message>
        <location filename="../../app/resnet_studio/gui/widgets/model_picker.py" line="22" />
        <source>Twice as wide as ResNet-50; accurate, heavy.</source>
        <translation>宽度是 ResNet-50 的两倍；准确但计算量大。</translation>
    </message>
</context>
</TS>